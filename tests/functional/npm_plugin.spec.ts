import { test } from '@japa/runner'
import { execFile } from 'node:child_process'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { APP_ROOT, CORE_VERSION } from '#core/plugins/boot_manifest'
import { loadPlugins } from '#core/plugins/loader'
import { PluginRouter } from '#core/plugins/plugin_router'

const run = promisify(execFile)
const FIXTURE = join(APP_ROOT, 'tests/fixtures/npm/isp-plugin-hotspot-banner')

test.group('Plugin kernel | third-party plugin from an npm package', (group) => {
  // Under the app root, so the package resolves its peer dependencies from the app's node_modules.
  const sandbox = join(APP_ROOT, 'tmp', 'npm-plugin-app')

  group.setup(async () => {
    await rm(sandbox, { recursive: true, force: true })
    await mkdir(join(sandbox, 'node_modules'), { recursive: true })
    // Build the package exactly as its author would publish it, then install the tarball.
    const { stdout } = await run(
      'npm',
      ['pack', FIXTURE, '--pack-destination', sandbox, '--silent'],
      { cwd: sandbox }
    )
    const tarball = join(sandbox, stdout.trim().split('\n').pop()!)
    const target = join(sandbox, 'node_modules', 'isp-plugin-hotspot-banner')
    await mkdir(target, { recursive: true })
    await run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'])
    await writeFile(
      join(sandbox, 'package.json'),
      JSON.stringify({
        name: 'operator-install',
        version: '1.0.0',
        dependencies: { 'isp-plugin-hotspot-banner': '^1.0.0' },
      })
    )
    return () => rm(sandbox, { recursive: true, force: true })
  })

  test('is discovered through its package.json and validated like a local plugin', async ({
    assert,
  }) => {
    const plugins = await loadPlugins({
      appRoot: sandbox,
      dirs: [],
      npm: true,
      coreVersion: CORE_VERSION,
    })
    assert.lengthOf(plugins, 1)
    const [plugin] = plugins
    assert.equal(plugin.definition.id, 'hotspot-banner')
    assert.deepEqual(plugin.source, { kind: 'npm', packageName: 'isp-plugin-hotspot-banner' })
    assert.equal(plugin.definition.permissions![0].name, 'banner.manage')
  })

  test('its routes, job and settings work through the kernel contracts', async ({ assert }) => {
    const [{ definition }] = await loadPlugins({
      appRoot: sandbox,
      dirs: [],
      npm: true,
      coreVersion: CORE_VERSION,
    })

    const api = new PluginRouter(definition.id, 'api')
    await definition.routes!({
      pluginId: definition.id,
      logger: console as any,
      api,
      panel: new PluginRouter(definition.id, 'panel'),
      machine: new PluginRouter(definition.id, 'machine'),
    })
    assert.deepEqual(
      api.routes.map((r) => `${r.method} ${r.path}`),
      ['GET /hotspot-banner']
    )

    const Handler = (await api.routes[0].handler()).default
    let sent: unknown
    await new Handler().handle({
      tenant: { slug: 'alpha' },
      response: { ok: (body: unknown) => (sent = body) },
    } as any)
    assert.deepEqual(sent, { tenant: 'alpha', text: 'Paket hemat 10 ribu / minggu!' })

    const rotate = (await definition.jobs![0].handler()).default
    assert.deepEqual(await rotate({ tenantId: 't-1', attempt: 1 } as any), {
      tenantId: 't-1',
      rotated: true,
      attempt: 1,
    })

    await assert.rejects(() =>
      definition.settings!.validator.validate({ text: 'x'.repeat(141), rotateEveryMinutes: 0 })
    )
  })

  test('is refused when the installed core is outside its range', async ({ assert }) => {
    await assert.rejects(
      () => loadPlugins({ appRoot: sandbox, dirs: [], npm: true, coreVersion: '1.0.0' }),
      /PLUGIN_CORE_INCOMPATIBLE: plugin "hotspot-banner" 1.0.0 requires core >=0.1.0 <1.0.0, but core is 1.0.0/
    )
  })
})
