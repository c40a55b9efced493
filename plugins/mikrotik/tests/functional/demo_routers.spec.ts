import { test } from '@japa/runner'
import { createTenant } from '#tests/helpers/tenants'
import { registerDemoRouters } from '../../demo.js'
import { RouterOsSimulator } from '../../simulator/index.js'

test.group('MikroTik | demo routers', () => {
  test('demo routers are dealt to the demo tenants, answer, and are not duplicated on a rerun', async ({
    client,
    assert,
    cleanup,
  }) => {
    const sim = new RouterOsSimulator({ password: 'demo-pw-2026', identity: 'demo-router-1' })
    await sim.start()
    cleanup(() => sim.stop())
    const alpha = await createTenant({ plugins: ['mikrotik'] })
    const beta = await createTenant({ plugins: ['mikrotik'] })
    const options = {
      password: 'demo-pw-2026',
      tenantSlugs: [alpha.slug, beta.slug],
      routers: 3,
      basePort: sim.port,
    }

    const first = await registerDemoRouters(options)
    await registerDemoRouters(options)
    assert.deepEqual(
      first.map((r) => [r.tenant, r.name]),
      [
        [alpha.slug, 'demo-router-1'],
        [beta.slug, 'demo-router-2'],
        [alpha.slug, 'demo-router-3'],
      ]
    )
    const alphaRouters = (await client.get('/api/v1/routers').headers(alpha.headers)).body().data
    assert.deepEqual(
      alphaRouters.map((r: any) => r.name),
      ['demo-router-1', 'demo-router-3']
    )
    const probe = await client
      .post(`/api/v1/routers/${alphaRouters[0].id}/test-connection`)
      .headers(alpha.headers)
    probe.assertStatus(200)
    assert.isTrue(probe.body().ok)
  })

  test('without demo tenants it says to seed them first', async ({ assert }) => {
    await assert.rejects(
      () => registerDemoRouters({ password: 'x', tenantSlugs: ['no-such-demo-tenant'] }),
      /DEMO_TENANTS_MISSING/
    )
  })
})
