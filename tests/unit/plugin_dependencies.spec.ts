import { test } from '@japa/runner'
import { loadPlugins } from '#core/plugins/loader'
import { PluginError } from '#core/plugins/errors'
import { APP_ROOT } from '#core/plugins/boot_manifest'

const load = (fixture: string, coreVersion = '0.1.0') =>
  loadPlugins({
    appRoot: APP_ROOT,
    dirs: [`tests/fixtures/boot/${fixture}`],
    npm: false,
    coreVersion,
  })

async function refusal(promise: Promise<unknown>): Promise<PluginError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof PluginError) return error
    throw error
  }
  throw new Error('expected the kernel to refuse these plugins')
}

test.group('Plugin kernel | dependencies at boot', () => {
  test('orders plugins after the plugins they require', async ({ assert }) => {
    const ids = (await load('ordered')).map((p) => p.definition.id)
    assert.deepEqual(ids, ['customers', 'billing', 'radius', 'voucher', 'ai-agent'])
    for (const [before, after] of [
      ['customers', 'billing'],
      ['radius', 'voucher'],
      ['customers', 'voucher'],
      ['voucher', 'ai-agent'],
      ['billing', 'ai-agent'],
    ]) {
      assert.isBelow(ids.indexOf(before), ids.indexOf(after), `${before} must boot before ${after}`)
    }
  })

  test('refuses a missing dependency, naming both plugins', async ({ assert }) => {
    const error = await refusal(load('missing'))
    assert.equal(error.code, 'PLUGIN_DEPENDENCY_MISSING')
    assert.include(
      error.message,
      '"hotspot-ads" requires plugin "voucher" ^1.0.0, which is not installed'
    )
    assert.sameMembers(error.plugins, ['hotspot-ads', 'voucher'])
  })

  test('refuses an installed dependency of an incompatible version', async ({ assert }) => {
    const error = await refusal(load('incompatible'))
    assert.equal(error.code, 'PLUGIN_DEPENDENCY_INCOMPATIBLE')
    assert.include(
      error.message,
      '"hotspot-ads" requires plugin "voucher" ^2.0.0, but 1.4.0 is installed'
    )
  })

  test('refuses a plugin built for another core', async ({ assert }) => {
    const error = await refusal(load('core', '0.1.0'))
    assert.equal(error.code, 'PLUGIN_CORE_INCOMPATIBLE')
    assert.include(error.message, '"old-timer" 3.0.0 requires core ^9.0.0, but core is 0.1.0')
    // The same plugin loads on a core it was built for.
    assert.lengthOf(await load('core', '9.2.0'), 1)
  })

  test('refuses a dependency cycle, naming every plugin in it', async ({ assert }) => {
    const error = await refusal(load('cycle'))
    assert.equal(error.code, 'PLUGIN_DEPENDENCY_CYCLE')
    assert.sameMembers(error.plugins, ['billing', 'wa', 'maps'])
    assert.match(error.message, /billing → wa → maps → billing/)
    assert.notInclude(error.plugins, 'radius')
  })
})
