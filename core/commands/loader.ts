import { ListLoader } from '@adonisjs/core/ace'
import { installedPlugins } from '../plugins/boot_manifest.js'
import PluginsList from './plugins_list.js'
import PluginsEnable from './plugins_enable.js'
import PluginsDisable from './plugins_disable.js'
import MakePlugin from './make_plugin.js'
import QueueWork from './queue_work.js'
import QueueFailed from './queue_failed.js'
import AuthKeys from './auth_keys.js'

/**
 * Ace commands of the core, then those contributed by plugins
 * (`commands: [() => import('./commands/x.js')]` in a manifest).
 */
async function loader() {
  const pluginCommands = []
  for (const plugin of await installedPlugins()) {
    for (const load of plugin.definition.commands ?? []) pluginCommands.push((await load()).default)
  }
  return new ListLoader([
    PluginsList,
    PluginsEnable,
    PluginsDisable,
    MakePlugin,
    QueueWork,
    QueueFailed,
    AuthKeys,
    ...pluginCommands,
  ])
}

let instance: Promise<ListLoader<any>> | undefined
const get = () => (instance ??= loader())

export async function getMetaData() {
  return (await get()).getMetaData()
}

export async function getCommand(metaData: { commandName: string }) {
  return (await get()).getCommand(metaData as any)
}
