import { test } from '@japa/runner'
import { connect } from '../../routeros/client.js'
import { challengeResponse } from '../../routeros/login.js'
import {
  connectTo,
  loginOptions,
  rejectionOf,
  startSimulator,
  waitFor,
} from './simulator_fixture.js'

test.group('RouterOS client | login', () => {
  test('md5 challenge response matches the published test vector', ({ assert }) => {
    assert.equal(challengeResponse('passTest', 'abc123'), '0021277bff9ac7caf06aa608e46616d47f')
  })

  test('logs in with name and password on RouterOS 6.43+', async ({ assert, cleanup }) => {
    const sim = await startSimulator(cleanup, { identity: 'rtr-cempaka' })
    const client = await connectTo(sim, cleanup)

    const [identity] = await client.print('/system/identity')
    assert.equal(identity.name, 'rtr-cempaka')
    assert.equal(sim.logins, 1)
    const logins = sim.commands('/login')
    assert.lengthOf(logins, 1)
    assert.equal(logins[0].attributes.name, 'admin')
  })

  test('falls back to the challenge when an old router answers with one', async ({
    assert,
    cleanup,
  }) => {
    const sim = await startSimulator(cleanup, { legacyLogin: true })
    const client = await connectTo(sim, cleanup)

    assert.lengthOf(await client.print('/system/resource'), 1)
    const logins = sim.commands('/login')
    assert.lengthOf(logins, 2)
    assert.match(logins[1].attributes.response, /^00[0-9a-f]{32}$/)
    assert.equal(sim.logins, 1)
  })

  test('legacyLogin never sends the password in clear text', async ({ assert, cleanup }) => {
    const sim = await startSimulator(cleanup, { legacyLogin: true })
    await connectTo(sim, cleanup, { legacyLogin: true })

    const sent = sim.commands('/login').map((entry) => entry.attributes)
    assert.isTrue(sent.every((attributes) => attributes.password === undefined))
    assert.equal(sim.logins, 1)
  })

  test('a wrong password is ROUTER_AUTH_FAILED', async ({ assert, cleanup }) => {
    const sim = await startSimulator(cleanup)
    const error = await rejectionOf(connect(loginOptions(sim, { password: 'salah' })))

    assert.equal(error.code, 'ROUTER_AUTH_FAILED')
    assert.include(error.message, 'invalid user name or password')
    assert.include(error.message, `127.0.0.1:${sim.port}`)
    assert.equal(sim.logins, 0)
    await waitFor(() => sim.openSessions === 0)
  })

  test('a wrong password on the challenge login is ROUTER_AUTH_FAILED', async ({
    assert,
    cleanup,
  }) => {
    const sim = await startSimulator(cleanup, { legacyLogin: true })
    const error = await rejectionOf(connect(loginOptions(sim, { password: 'salah' })))
    assert.equal(error.code, 'ROUTER_AUTH_FAILED')
    assert.equal(sim.logins, 0)
  })

  test('a router that refuses logins is ROUTER_AUTH_FAILED', async ({ assert, cleanup }) => {
    const sim = await startSimulator(cleanup)
    sim.refuseLogin(true)
    const error = await rejectionOf(connect(loginOptions(sim)))
    assert.equal(error.code, 'ROUTER_AUTH_FAILED')
  })

  test('logs in when every reply byte arrives in its own segment', async ({ assert, cleanup }) => {
    for (const legacyLogin of [false, true]) {
      const sim = await startSimulator(cleanup, { legacyLogin, identity: 'rtr-1byte' })
      sim.setFragmentation(1)
      const client = await connectTo(sim, cleanup)
      const [identity] = await client.print('/system/identity')
      assert.equal(identity.name, 'rtr-1byte')
    }
  })

  test('a router that never answers the login is ROUTER_TIMEOUT', async ({ assert, cleanup }) => {
    const sim = await startSimulator(cleanup)
    sim.setReplyDelay(5000)
    const started = Date.now()
    const error = await rejectionOf(connect(loginOptions(sim, { timeoutMs: 200 })))

    assert.equal(error.code, 'ROUTER_TIMEOUT')
    assert.isBelow(Date.now() - started, 2000)
    await waitFor(() => sim.openSessions === 0)
  })
})
