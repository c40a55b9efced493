import { BaseCommand, args } from '@adonisjs/core/ace'
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { pluginFiles } from './plugin_scaffold.js'

/**
 * Scaffolds `plugins/<id>/` with a manifest, an API route, a panel page, a
 * migration and a passing test, so a new module starts from working code.
 */
export default class MakePlugin extends BaseCommand {
  static commandName = 'make:plugin'
  static description =
    'Create a new plugin in plugins/<id> with a manifest, a route, a page, a migration and a test'

  @args.string({ description: 'Plugin id in kebab-case, e.g. "hotspot-ads"' })
  declare id: string

  async run() {
    if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(this.id)) {
      this.logger.error(`PLUGIN_ID_INVALID: "${this.id}" must be kebab-case, e.g. "hotspot-ads"`)
      this.exitCode = 1
      return
    }
    const root = this.app.makePath('plugins', this.id)
    if (existsSync(root)) {
      this.logger.error(`PLUGIN_EXISTS: plugins/${this.id} already exists`)
      this.exitCode = 1
      return
    }
    const coreVersion = (await import('../plugins/boot_manifest.js')).CORE_VERSION
    for (const [relativePath, contents] of Object.entries(pluginFiles(this.id, coreVersion))) {
      const file = join(root, relativePath)
      await mkdir(dirname(file), { recursive: true })
      await writeFile(file, contents)
      this.logger.action(`create plugins/${this.id}/${relativePath}`).succeeded()
    }
    this.logger.info(
      `Next: "node ace migration:run --connection=platform", then "node ace plugins:enable <tenant> ${this.id}"`
    )
  }
}
