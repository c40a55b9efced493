import net from 'node:net'
import { test } from '@japa/runner'
import { connect } from '../../routeros/client.js'
import type { RouterError } from '../../routeros/errors.js'
import { parseSentence } from '../../routeros/sentence.js'
import { SentenceDecoder, encodeSentence } from '../../routeros/words.js'
import {
  type Cleanup,
  connectTo,
  freePort,
  loginOptions,
  rejectionOf,
  startSimulator,
  waitFor,
} from './simulator_fixture.js'

/**
 * A hand-written "router" that accepts any login, then answers the next
 * command with `reply` bytes: for replies the simulator would never send.
 */
async function brokenRouter(cleanup: Cleanup, reply: Buffer) {
  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('error', () => {})
    const decoder = new SentenceDecoder()
    socket.on('data', (chunk) => {
      for (const words of decoder.push(chunk)) {
        const request = parseSentence(words)
        if (request.head === '/login')
          socket.write(encodeSentence(['!done', `.tag=${request.tag}`]))
        else socket.write(reply)
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanup(async () => {
    for (const socket of sockets) socket.destroy()
    await new Promise((resolve) => server.close(resolve))
  })
  return (server.address() as net.AddressInfo).port
}

test.group('RouterOS client | failures', () => {
  test('!fatal rejects every pending command and closes', async ({ assert, cleanup }) => {
    const sim = await startSimulator(cleanup)
    const client = await connectTo(sim, cleanup)
    const closedWith: RouterError[] = []
    client.onClose((reason) => closedWith.push(reason))
    sim.setReplyDelay(1000)

    const pending = [client.print('/ppp/active'), client.print('/ip/hotspot/active')].map(
      rejectionOf
    )
    await waitFor(() => sim.commands().length === 3)
    sim.sendFatal('router is shutting down')

    for (const error of await Promise.all(pending)) {
      assert.equal(error.code, 'ROUTER_FATAL')
      assert.include(error.message, 'router is shutting down')
    }
    assert.isTrue(client.closed)
    assert.equal(closedWith[0]?.code, 'ROUTER_FATAL')
    assert.equal((await rejectionOf(client.print('/ppp/active'))).code, 'ROUTER_CLOSED')
  })

  test('/quit ends the session with ROUTER_FATAL', async ({ assert, cleanup }) => {
    const sim = await startSimulator(cleanup)
    const client = await connectTo(sim, cleanup)
    const error = await rejectionOf(client.command('/quit'))
    assert.equal(error.code, 'ROUTER_FATAL')
    assert.include(error.message, 'session terminated on request')
  })

  test('a slow command times out, is cancelled, and the connection stays usable', async ({
    assert,
    cleanup,
  }) => {
    const sim = await startSimulator(cleanup)
    sim.seed({ pppActive: 2 })
    const client = await connectTo(sim, cleanup)
    sim.setReplyDelay(400)

    const error = await rejectionOf(client.print('/ppp/active', { timeoutMs: 100 }))
    assert.equal(error.code, 'ROUTER_TIMEOUT')
    assert.include(error.message, '/ppp/active/print')
    await waitFor(() => sim.commands('/cancel').length === 1)
    const printTag = sim.commands('/ppp/active/print')[0].tag
    assert.equal(sim.commands('/cancel')[0].attributes.tag, printTag)

    sim.setReplyDelay(0)
    assert.isFalse(client.closed)
    assert.lengthOf(await client.print('/ppp/active'), 2)
    assert.equal(sim.connections, 1)
  })

  test('50 concurrent commands on one connection each get their own reply', async ({
    assert,
    cleanup,
  }) => {
    const sim = await startSimulator(cleanup)
    sim.seed({ hotspotUsers: 50 })
    const client = await connectTo(sim, cleanup)
    const names = sim.rows('/ip/hotspot/user').map((row) => row.name)
    // Later requests are answered first, so only tag routing gets this right.
    sim.setReplyDelay((entry) => 200 - names.indexOf(entry.queries[0]?.slice('name='.length)) * 3)

    const results = await Promise.all(
      names.map((name) => client.print('/ip/hotspot/user', { where: { name } }))
    )
    results.forEach((rows, i) => {
      assert.lengthOf(rows, 1)
      assert.equal(rows[0].name, names[i])
    })
    assert.equal(sim.connections, 1)
    assert.equal(sim.logins, 1)
  })

  test('a connection dropped mid-command rejects with ROUTER_CLOSED', async ({
    assert,
    cleanup,
  }) => {
    const sim = await startSimulator(cleanup)
    const client = await connectTo(sim, cleanup)
    sim.setReplyDelay(1000)

    const pending = rejectionOf(client.print('/ppp/secret'))
    await waitFor(() => sim.commands('/ppp/secret/print').length === 1)
    sim.dropConnections()

    const error = await pending
    assert.equal(error.code, 'ROUTER_CLOSED')
    assert.isTrue(client.closed)
    await client.close()
  })

  test('a refused port is ROUTER_UNREACHABLE', async ({ assert }) => {
    const port = await freePort()
    const error = await rejectionOf(
      connect({ host: '127.0.0.1', port, user: 'admin', password: 'x', timeoutMs: 2000 })
    )
    assert.equal(error.code, 'ROUTER_UNREACHABLE')
    assert.equal(error.message, `ROUTER_UNREACHABLE: 127.0.0.1:${port} refused the connection`)
  })

  test('a garbage length prefix is ROUTER_PROTOCOL, not a crash', async ({ assert, cleanup }) => {
    const port = await brokenRouter(cleanup, Buffer.from([0xf9, 0x01, 0x02]))
    const client = await connect({ host: '127.0.0.1', port, user: 'admin', password: 'x' })
    cleanup(() => client.close())

    const error = await rejectionOf(client.print('/system/resource'))
    assert.equal(error.code, 'ROUTER_PROTOCOL')
    assert.isTrue(client.closed)
  })

  test('an unknown reply word is ROUTER_PROTOCOL', async ({ assert, cleanup }) => {
    const port = await brokenRouter(cleanup, encodeSentence(['HTTP/1.1 400 Bad Request']))
    const client = await connect({ host: '127.0.0.1', port, user: 'admin', password: 'x' })
    cleanup(() => client.close())

    const error = await rejectionOf(client.print('/system/resource'))
    assert.equal(error.code, 'ROUTER_PROTOCOL')
    assert.include(error.message, 'HTTP/1.1 400')
  })

  test('close() is idempotent and later commands reject', async ({ assert, cleanup }) => {
    const sim = await startSimulator(cleanup)
    const client = await connectTo(sim, cleanup)

    await Promise.all([client.close(), client.close()])
    await client.close()
    assert.isTrue(client.closed)
    assert.equal((await rejectionOf(client.print('/ppp/active'))).code, 'ROUTER_CLOSED')
    await waitFor(() => sim.openSessions === 0)
  })

  test('a connection cut during login is ROUTER_UNREACHABLE, never uncaught', async ({
    assert,
    cleanup,
  }) => {
    const sim = await startSimulator(cleanup)
    sim.setReplyDelay(300)
    const attempt = rejectionOf(connect(loginOptions(sim)))
    await waitFor(() => sim.commands('/login').length === 1)
    sim.dropConnections()
    const error = await attempt
    assert.equal(error.code, 'ROUTER_UNREACHABLE')
    assert.include(error.message, 'closed the connection during login')
  })
})
