import { test } from '@japa/runner'
import vine from '@vinejs/vine'
import { validateManifest } from '#core/plugins/manifest_validator'
import { PluginError } from '#core/plugins/errors'

const valid = () => ({
  id: 'hotspot-ads',
  name: 'Hotspot Ads',
  description: 'Shows sponsor banners on the hotspot login page',
  version: '1.0.0',
  requires: { core: '^0.1.0', plugins: { voucher: '^1.0.0' } },
  permissions: [{ name: 'ads.manage', description: 'Manage ads' }],
  jobs: [{ name: 'rotate', handler: async () => ({ default: () => {} }) }],
  schedules: [{ job: 'rotate', every: 60_000 }],
  settings: {
    validator: vine.create(vine.object({ slots: vine.number().min(1) })),
    defaults: { slots: 3 },
  },
})

async function messageOf(candidate: unknown) {
  try {
    await validateManifest(candidate, 'plugins/hotspot-ads')
  } catch (error) {
    if (error instanceof PluginError) {
      return error.message
    }
    throw error
  }
  throw new Error('expected the manifest to be refused')
}

test.group('Plugin kernel | manifest validation', () => {
  test('accepts a complete manifest and keeps its functions', async ({ assert }) => {
    const manifest = valid()
    const definition = await validateManifest(manifest, 'plugins/hotspot-ads')
    assert.strictEqual(definition.jobs![0].handler, manifest.jobs[0].handler)
  })

  test('refuses {field} with a message naming plugin and field')
    .with([
      { field: 'id', change: { id: 'Hotspot_Ads' }, expect: 'id:' },
      { field: 'version', change: { version: 'one' }, expect: 'version: must be a semver version' },
      {
        field: 'requires.core',
        change: { requires: { core: 'latest!' } },
        expect: 'requires.core: must be a semver range',
      },
      {
        field: 'requires.plugins',
        change: { requires: { plugins: { voucher: 'soon' } } },
        expect: 'requires.plugins.voucher: must be a semver range',
      },
      {
        field: 'permissions',
        change: { permissions: [{ name: 'Manage Ads', description: 'x' }] },
        expect: 'permissions.0.name',
      },
      {
        field: 'addon',
        change: { addon: { price: 1.5, billingCycle: 'weekly', activation: 'auto' } },
        expect: 'addon.price',
      },
      {
        field: 'routes',
        change: { routes: 'not a function' },
        expect: 'routes: must be a function',
      },
    ])
    .run(async ({ assert }, { change, expect }) => {
      const message = await messageOf({ ...valid(), ...change })
      assert.include(message, 'PLUGIN_MANIFEST_INVALID')
      assert.include(message, expect)
    })

  test('refuses a schedule naming a job the plugin does not declare', async ({ assert }) => {
    const message = await messageOf({ ...valid(), schedules: [{ job: 'missing', every: 60_000 }] })
    assert.include(message, 'schedule names undeclared job "missing"')
  })

  test('refuses a job on a queue the plugin does not declare', async ({ assert }) => {
    const message = await messageOf({
      ...valid(),
      jobs: [{ name: 'rotate', queue: 'fast', handler: async () => ({}) }],
      schedules: [],
    })
    assert.include(message, 'job "rotate" uses undeclared queue "fast"')
  })

  test('refuses settings defaults that fail the settings validator', async ({ assert }) => {
    const manifest = valid()
    const message = await messageOf({
      ...manifest,
      settings: { ...manifest.settings, defaults: { slots: 0 } },
    })
    assert.include(message, 'settings.defaults do not pass the settings validator')
  })

  test('refuses a module that exports no manifest', async ({ assert }) => {
    const message = await messageOf(undefined)
    assert.include(message, 'plugins/hotspot-ads')
  })
})
