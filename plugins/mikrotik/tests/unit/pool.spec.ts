import { test } from '@japa/runner'
import { RouterPool } from '../../routeros/pool.js'
import { loginOptions, rejectionOf, startSimulator, waitFor } from './simulator_fixture.js'

test.group('RouterOS client | pool', () => {
  test('many calls share one connection and one login', async ({ assert, cleanup }) => {
    const sim = await startSimulator(cleanup)
    sim.seed({ pppActive: 3 })
    const pool = new RouterPool()
    cleanup(() => pool.closeAll())

    const clients = await Promise.all(
      Array.from({ length: 10 }, () => pool.acquire('router-1', loginOptions(sim)))
    )
    assert.isTrue(clients.every((client) => client === clients[0]))
    for (let i = 0; i < 10; i++) pool.release('router-1')

    for (let i = 0; i < 20; i++) {
      const rows = await pool.use('router-1', loginOptions(sim), (client) =>
        client.print('/ppp/active')
      )
      assert.lengthOf(rows, 3)
    }
    assert.equal(sim.logins, 1)
    assert.equal(sim.connections, 1)
  })

  test('each router key gets its own connection', async ({ assert, cleanup }) => {
    const first = await startSimulator(cleanup, { identity: 'rtr-a' })
    const second = await startSimulator(cleanup, { identity: 'rtr-b' })
    const pool = new RouterPool()
    cleanup(() => pool.closeAll())

    const a = await pool.use('a', loginOptions(first), (c) => c.print('/system/identity'))
    const b = await pool.use('b', loginOptions(second), (c) => c.print('/system/identity'))
    assert.equal(a[0].name, 'rtr-a')
    assert.equal(b[0].name, 'rtr-b')
    assert.equal(pool.size, 2)
  })

  test('reconnects after the router reboots', async ({ assert, cleanup }) => {
    const sim = await startSimulator(cleanup)
    sim.seed({ hotspotActive: 5 })
    const pool = new RouterPool()
    cleanup(() => pool.closeAll())
    const options = loginOptions(sim, { timeoutMs: 1000 })

    const before = await pool.use('r', options, (c) => c.print('/ip/hotspot/active'))
    assert.lengthOf(before, 5)

    const back = sim.reboot(300)
    await waitFor(() => !pool.has('r'))
    const whileDown = await rejectionOf(
      pool.use('r', options, (c) => c.print('/ip/hotspot/active'))
    )
    assert.equal(whileDown.code, 'ROUTER_UNREACHABLE')
    await back

    const after = await pool.use('r', options, (c) => c.print('/ip/hotspot/active'))
    assert.lengthOf(after, 0, 'sessions are gone after a reboot')
    const [resource] = await pool.use('r', options, (c) => c.print('/system/resource'))
    assert.equal(resource.uptime, '0s')
    assert.equal(sim.logins, 2)
  })

  test('an idle connection is closed and reopened on demand', async ({ assert, cleanup }) => {
    const sim = await startSimulator(cleanup)
    const pool = new RouterPool({ idleMs: 50 })
    cleanup(() => pool.closeAll())

    await pool.use('r', loginOptions(sim), (c) => c.print('/system/identity'))
    await waitFor(() => sim.openSessions === 0 && pool.size === 0)
    await pool.use('r', loginOptions(sim), (c) => c.print('/system/identity'))
    assert.equal(sim.logins, 2)
  })

  test('a connection in use is not closed as idle', async ({ assert, cleanup }) => {
    const sim = await startSimulator(cleanup)
    const pool = new RouterPool({ idleMs: 30 })
    cleanup(() => pool.closeAll())

    const client = await pool.acquire('r', loginOptions(sim))
    await new Promise((resolve) => setTimeout(resolve, 120))
    assert.isFalse(client.closed)
    pool.release('r')
    await waitFor(() => client.closed)
  })

  test('changed credentials open a new login', async ({ assert, cleanup }) => {
    const sim = await startSimulator(cleanup)
    const pool = new RouterPool()
    cleanup(() => pool.closeAll())

    await pool.use('r', loginOptions(sim), (c) => c.print('/system/identity'))
    const error = await rejectionOf(
      pool.use('r', loginOptions(sim, { password: 'lama' }), (c) => c.print('/system/identity'))
    )
    assert.equal(error.code, 'ROUTER_AUTH_FAILED')
    assert.equal(pool.size, 0)
  })

  test('closeAll closes every connection', async ({ assert, cleanup }) => {
    const sim = await startSimulator(cleanup)
    const pool = new RouterPool()
    await pool.use('a', loginOptions(sim), (c) => c.print('/system/identity'))
    await pool.use('b', loginOptions(sim), (c) => c.print('/system/identity'))
    assert.equal(sim.openSessions, 2)

    await pool.closeAll()
    await waitFor(() => sim.openSessions === 0)
    assert.equal(pool.size, 0)
  })
})
