import { test } from '@japa/runner'
import { connectTo, rejectionOf, startSimulator } from './simulator_fixture.js'

test.group('RouterOS client | commands', () => {
  test('prints 500 rows delivered one byte at a time', async ({ assert, cleanup }) => {
    const sim = await startSimulator(cleanup)
    sim.seed({ pppSecrets: 500 })
    const client = await connectTo(sim, cleanup)
    sim.setFragmentation(1)

    // A short proplist keeps ~25k one-byte writes; full rows only cost time.
    const rows = await client.print('/ppp/secret', { proplist: ['.id', 'name'], timeoutMs: 15_000 })
    assert.lengthOf(rows, 500)
    assert.deepEqual(
      rows.map((row) => row.name),
      sim.rows('/ppp/secret').map((row) => row.name)
    )
    assert.equal(rows[499]['.id'], sim.rows('/ppp/secret')[499]['.id'])
  }).timeout(30_000)

  test('!empty resolves with no rows and empty: true', async ({ assert, cleanup }) => {
    const sim = await startSimulator(cleanup)
    const client = await connectTo(sim, cleanup)

    const result = await client.command(
      '/ip/hotspot/active/print',
      {},
      { query: ['?user=tidak-ada'] }
    )
    assert.deepEqual(result, { rows: [], empty: true })
    // The connection is still in step with the router afterwards.
    assert.lengthOf(await client.print('/system/identity'), 1)
  })

  test('a router before 7.18 answers nothing with a bare !done', async ({ assert, cleanup }) => {
    const sim = await startSimulator(cleanup, { emptyReplies: false, version: '7.16.1' })
    const client = await connectTo(sim, cleanup)
    const result = await client.command('/ppp/active/print')
    assert.deepEqual(result, { rows: [], empty: false })
  })

  test('add, set and remove round-trip through the router', async ({ assert, cleanup }) => {
    const sim = await startSimulator(cleanup)
    const client = await connectTo(sim, cleanup)

    const first = await client.add('/ip/hotspot/user', {
      name: 'budi',
      password: 'kopi',
      profile: 'default',
    })
    const second = await client.add('/ip/hotspot/user', { name: 'siti' })
    assert.match(first, /^\*[0-9A-F]+$/)
    assert.isAbove(Number.parseInt(second.slice(1), 16), Number.parseInt(first.slice(1), 16))

    await client.set('/ip/hotspot/user', first, { 'limit-uptime': '1h', 'disabled': true })
    const [budi] = await client.print('/ip/hotspot/user', { where: { name: 'budi' } })
    assert.equal(budi['limit-uptime'], '1h')
    assert.equal(budi.disabled, 'true')

    await client.remove('/ip/hotspot/user', second)
    assert.deepEqual(
      sim.rows('/ip/hotspot/user').map((row) => row.name),
      ['budi']
    )
  })

  test('UTF-8 and "=" in values survive the round trip', async ({ assert, cleanup }) => {
    const sim = await startSimulator(cleanup)
    const client = await connectTo(sim, cleanup)
    const comment = 'Pak Budi — Warung Kopi ☕ (lunas=ya)'

    const id = await client.add('/ppp/secret', { name: 'pak-budi', password: 'a=b=c', comment })
    assert.equal(sim.rows('/ppp/secret')[0].comment, comment)
    const [row] = await client.print('/ppp/secret', { where: { '.id': id } })
    assert.equal(row.comment, comment)
    assert.equal(row.password, 'a=b=c')
  })

  test('traps reject with ROUTER_TRAP and leave the connection usable', async ({
    assert,
    cleanup,
  }) => {
    const sim = await startSimulator(cleanup)
    const client = await connectTo(sim, cleanup)
    await client.add('/ppp/secret', { name: 'agus' })

    const unknown = await rejectionOf(client.command('/ip/hotspot/nonsense/print'))
    assert.equal(unknown.code, 'ROUTER_TRAP')
    assert.equal(unknown.routerMessage, 'no such command prefix')

    const missing = await rejectionOf(client.remove('/ppp/secret', '*FF'))
    assert.equal(missing.code, 'ROUTER_TRAP')
    assert.include(missing.message, 'no such item')

    const duplicate = await rejectionOf(client.add('/ppp/secret', { name: 'agus' }))
    assert.equal(duplicate.routerMessage, 'failure: already have user with this name')
    assert.include(duplicate.message, '/ppp/secret/add')

    assert.lengthOf(sim.rows('/ppp/secret'), 1)
    assert.lengthOf(await client.print('/ppp/secret'), 1)
  })

  test('count-only returns the number of matches', async ({ assert, cleanup }) => {
    const sim = await startSimulator(cleanup)
    sim.seed({ hotspotActive: 12 })
    const client = await connectTo(sim, cleanup)

    const result = await client.command('/ip/hotspot/active/print', {}, { countOnly: true })
    assert.equal(result.ret, '12')
    assert.lengthOf(result.rows, 0)
  })

  test('queries filter on the router, including ?#| and ?-', async ({ assert, cleanup }) => {
    const sim = await startSimulator(cleanup)
    const client = await connectTo(sim, cleanup)
    await client.add('/ip/firewall/address-list', {
      list: 'isolir',
      address: '10.10.0.5',
      comment: 'telat',
    })
    await client.add('/ip/firewall/address-list', { list: 'isolir', address: '10.10.0.9' })
    await client.add('/ip/firewall/address-list', { list: 'vip', address: '10.10.0.7' })
    await client.add('/ip/firewall/address-list', { list: 'lain', address: '10.10.0.8' })
    const addresses = async (query: string[]) =>
      (await client.command('/ip/firewall/address-list/print', {}, { query })).rows.map(
        (r) => r.address
      )

    assert.deepEqual(await addresses(['?list=isolir', '?list=vip', '?#|']), [
      '10.10.0.5',
      '10.10.0.9',
      '10.10.0.7',
    ])
    assert.deepEqual(await addresses(['?list=isolir', '?comment=', '?#&']), ['10.10.0.9'])
    assert.deepEqual(await addresses(['?list=isolir', '?#!']), ['10.10.0.7', '10.10.0.8'])
    delete sim.rows('/ip/firewall/address-list')[0].timeout
    assert.deepEqual(await addresses(['?-timeout']), ['10.10.0.5'])
  })

  test('proplist limits the returned fields', async ({ assert, cleanup }) => {
    const sim = await startSimulator(cleanup)
    sim.seed({ pppActive: 3 })
    const client = await connectTo(sim, cleanup)

    const rows = await client.print('/ppp/active', { proplist: ['.id', 'name', 'address'] })
    assert.lengthOf(rows, 3)
    for (const row of rows) assert.sameMembers(Object.keys(row), ['.id', 'name', 'address'])
  })

  test('removing an active session disconnects it', async ({ assert, cleanup }) => {
    const sim = await startSimulator(cleanup)
    sim.seed({ pppActive: 3, hotspotActive: 2 })
    const client = await connectTo(sim, cleanup)
    const [victim] = await client.print('/ppp/active')

    await client.remove('/ppp/active', victim['.id'])
    const names = (await client.print('/ppp/active')).map((row) => row.name)
    assert.lengthOf(names, 2)
    assert.notInclude(names, victim.name)
    assert.equal(sim.disconnects, 1)

    const [hotspot] = sim.rows('/ip/hotspot/active')
    await client.remove('/ip/hotspot/active', hotspot['.id'])
    assert.lengthOf(sim.rows('/ip/hotspot/active'), 1)
  })

  test('identity can be renamed', async ({ assert, cleanup }) => {
    const sim = await startSimulator(cleanup)
    const client = await connectTo(sim, cleanup)
    await client.command('/system/identity/set', { name: 'rtr-melati' })
    assert.equal((await client.print('/system/identity'))[0].name, 'rtr-melati')
  })
})
