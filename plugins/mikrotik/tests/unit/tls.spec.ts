import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@japa/runner'
import { connect } from '../../routeros/client.js'
import { connectTo, loginOptions, rejectionOf, startSimulator } from './simulator_fixture.js'

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/** A throwaway self-signed certificate, as many routers carry for api-ssl. */
function selfSignedCertificate() {
  const dir = mkdtempSync(join(tmpdir(), 'routeros-cert-'))
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=router',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' }
    )
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

test.group('RouterOS client | API-SSL', () => {
  test('talks to a router offering anonymous DH', async ({ assert, cleanup }) => {
    const sim = await startSimulator(cleanup, { tls: true, identity: 'rtr-ssl' })
    sim.seed({ pppActive: 4 })
    const client = await connectTo(sim, cleanup, { tls: true })

    assert.equal((await client.print('/system/identity'))[0].name, 'rtr-ssl')
    assert.lengthOf(await client.print('/ppp/active'), 4)
    assert.equal(sim.logins, 1)
  })

  test('talks to a router with a self-signed certificate', async ({ assert, cleanup }) => {
    const sim = await startSimulator(cleanup, { tls: true, certificate: selfSignedCertificate() })
    const client = await connectTo(sim, cleanup, { tls: true })
    assert.lengthOf(await client.print('/system/resource'), 1)
  }).skip(!hasOpenssl(), 'openssl CLI not installed')

  test('API-SSL against a plain API port fails instead of hanging', async ({ assert, cleanup }) => {
    const sim = await startSimulator(cleanup)
    const started = Date.now()
    const error = await rejectionOf(connect(loginOptions(sim, { tls: true, timeoutMs: 300 })))
    // The plain port either waits (timeout) or chokes on the ClientHello bytes (reset).
    assert.oneOf(error.code, ['ROUTER_TIMEOUT', 'ROUTER_UNREACHABLE'])
    assert.include(error.message, `127.0.0.1:${sim.port}`)
    assert.isBelow(Date.now() - started, 1500)
    assert.equal(sim.logins, 0)
  })

  test('plain API against an API-SSL port fails cleanly', async ({ assert, cleanup }) => {
    const sim = await startSimulator(cleanup, { tls: true })
    const error = await rejectionOf(connect(loginOptions(sim, { tls: false, timeoutMs: 1000 })))
    assert.oneOf(error.code, ['ROUTER_UNREACHABLE', 'ROUTER_TIMEOUT'])
    assert.equal(sim.logins, 0)
  })
})
