import { test } from '@japa/runner'
import { formatDuration, parseDuration } from '../../simulator/durations.js'
import { compileQuery } from '../../simulator/query.js'
import { connectTo, startSimulator } from './simulator_fixture.js'

test.group('RouterOS simulator | data', () => {
  test('seeds realistic, unique subscribers', async ({ assert, cleanup }) => {
    const sim = await startSimulator(cleanup)
    sim.seed({
      hotspotActive: 300,
      pppActive: 40,
      hotspotUsers: 300,
      pppSecrets: 40,
      leases: 30,
      isolir: 3,
    })

    const users = sim.rows('/ip/hotspot/user').map((row) => row.name)
    assert.lengthOf(new Set(users), 300)
    const active = sim.rows('/ip/hotspot/active')
    assert.lengthOf(new Set(active.map((row) => row.address)), 300)
    for (const row of active) {
      assert.match(row.address, /^10\.\d+\.\d+\.\d+$/)
      assert.match(row['mac-address'], /^([0-9A-F]{2}:){5}[0-9A-F]{2}$/)
    }
    const ids = sim.rows('/ppp/active').map((row) => Number.parseInt(row['.id'].slice(1), 16))
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => a - b)
    )
    assert.lengthOf(sim.rows('/ip/dhcp-server/lease'), 30)
    assert.lengthOf(sim.rows('/ip/firewall/address-list'), 3)
  })

  test('traffic ticks grow counters and uptime', async ({ assert, cleanup }) => {
    const sim = await startSimulator(cleanup)
    sim.seed({ hotspotActive: 3, pppActive: 2 })
    const [before] = sim.rows('/ip/hotspot/active').map((row) => ({ ...row }))
    const pppUptime = parseDuration(sim.rows('/ppp/active')[0].uptime)

    sim.tickTraffic(60)
    const after = sim.rows('/ip/hotspot/active')[0]
    assert.isAbove(Number(after['bytes-out']), Number(before['bytes-out']))
    assert.isAbove(Number(after['bytes-in']), Number(before['bytes-in']))
    assert.equal(parseDuration(after.uptime), parseDuration(before.uptime) + 60)
    assert.equal(parseDuration(sim.rows('/ppp/active')[0].uptime), pppUptime + 60)
  })

  test('a reboot refuses connections, then returns fresh', async ({ assert, cleanup }) => {
    const sim = await startSimulator(cleanup)
    sim.seed({ pppActive: 4, pppSecrets: 4 })
    const client = await connectTo(sim, cleanup)

    const back = sim.reboot(100)
    await back
    assert.isTrue(client.closed)
    assert.lengthOf(sim.rows('/ppp/active'), 0)
    assert.lengthOf(sim.rows('/ppp/secret'), 4, 'configuration survives a reboot')
  })

  test('durations print like RouterOS', ({ assert }) => {
    assert.equal(formatDuration(0), '0s')
    assert.equal(formatDuration(694_861), '1w1d1h1m1s')
    assert.equal(parseDuration('2d3h4m5s'), 2 * 86_400 + 3 * 3_600 + 4 * 60 + 5)
  })
})

test.group('RouterOS simulator | queries', () => {
  const rows: Array<Record<string, string>> = [
    { 'name': 'a', 'bytes-in': '10', 'comment': 'x' },
    { 'name': 'b', 'bytes-in': '200' },
    { 'name': 'c', 'bytes-in': '30', 'comment': '' },
  ]
  const names = (query: string[]) => rows.filter(compileQuery(query)).map((row) => row.name)

  test('compares numbers as numbers', ({ assert }) => {
    assert.deepEqual(names(['>bytes-in=25']), ['b', 'c'])
    assert.deepEqual(names(['<bytes-in=25']), ['a'])
  })

  test('has / has-not property', ({ assert }) => {
    assert.deepEqual(names(['comment']), ['a', 'c'])
    assert.deepEqual(names(['-comment']), ['b'])
  })

  test('stack operations', ({ assert }) => {
    assert.deepEqual(names(['name=a', 'name=b', '#|']), ['a', 'b'])
    assert.deepEqual(names(['name=a', 'name=b', '#|', '#!']), ['c'])
    assert.deepEqual(names(['name=a', 'comment=x', '#&']), ['a'])
    assert.deepEqual(names(['name=a', 'name=b', 'name=c', '#||!']), [])
  })
})
