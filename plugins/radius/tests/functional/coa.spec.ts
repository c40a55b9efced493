import { test } from '@japa/runner'
import { createSocket } from 'node:dgram'
import encryption from '@adonisjs/core/services/encryption'
import { platformDb } from '#core/tenancy/tenant_db'
import { createTenant } from '#tests/helpers/tenants'
import { addRouter, startSimulator } from '#plugins/mikrotik/tests/helpers/routers'
import { sessionControl } from '../../contracts.js'
import { startCoaResponder } from '../helpers/coa_responder.js'

const NAS_SECRET = 'coa-secret-77'
const ADDRESS_LIST = '/ip/firewall/address-list'

async function registerNas(
  tenantId: string,
  options: { coaPort: number | null; routerId?: string; secret?: string | null }
) {
  const [row] = await platformDb()
    .table('radius_nas')
    .insert({
      tenant_id: tenantId,
      name: `nas-${Date.now().toString(36)}`,
      ip_address: '127.0.0.1',
      coa_port: options.coaPort,
      router_id: options.routerId ?? null,
      secret_encrypted:
        options.secret === null ? null : encryption.encrypt(options.secret ?? NAS_SECRET),
    })
    .returning('id')
  return row.id as string
}

async function openSession(
  tenantId: string,
  nasId: string,
  username: string,
  framedIp = '10.5.50.9'
) {
  const [row] = await platformDb()
    .table('radius_sessions')
    .insert({
      tenant_id: tenantId,
      nas_id: nasId,
      acct_unique_id: `u-${username}-${Date.now()}-${Math.random()}`,
      acct_session_id: '81b00042',
      username,
      framed_ip: framedIp,
      started_at: new Date(),
      updated_at: new Date(),
    })
    .returning('id')
  return String(row.id)
}

/**
 * A tenant with one open session of `username` on a NAS whose CoA port is a
 * local responder (answering as `responder` says); the responder closes after the test.
 */
async function sessionBehindCoaNas(
  cleanup: (fn: () => Promise<void> | void) => void,
  username: string,
  responder: Partial<Parameters<typeof startCoaResponder>[0]> = {},
  nasSecret?: string
) {
  const nas = await startCoaResponder({ secret: NAS_SECRET, ...responder })
  cleanup(() => nas.close())
  const tenant = await createTenant({ plugins: ['radius'] })
  const nasId = await registerNas(tenant.id, { coaPort: nas.port, secret: nasSecret })
  const sessionId = await openSession(tenant.id, nasId, username)
  return { nas, tenant, nasId, sessionId }
}

const auditOf = (tenantId: string, action: string) =>
  platformDb().from('audit_logs').where({ tenant_id: tenantId, action }).orderBy('id')

test.group('RADIUS | CoA and router fallback', (group) => {
  group.each.teardown(async () => {
    await platformDb().from('radius_nas').where('ip_address', '127.0.0.1').delete()
  })

  test('a rate limit change reaches the NAS as a signed CoA-Request and is confirmed', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { nas, tenant, sessionId } = await sessionBehindCoaNas(cleanup, 'budi')

    const response = await client
      .post(`/api/v1/radius/sessions/${sessionId}/coa`)
      .headers(tenant.headers)
      .json({ attributes: { 'Mikrotik-Rate-Limit': '10M/20M', 'Session-Timeout': '3600' } })
    response.assertStatus(200)
    assert.equal(response.body().sessions[0].via, 'coa')
    assert.equal(response.body().sessions[0].coa.outcome, 'acked')

    const [request] = nas.received
    assert.isTrue(request.verified, 'authenticators match the shared secret')
    assert.isTrue(request.hadMessageAuthenticator)
    assert.equal(request.code, 'CoA-Request')
    assert.deepEqual(request.attributes, {
      'User-Name': 'budi',
      'Acct-Session-Id': '81b00042',
      'Framed-IP-Address': '10.5.50.9',
      'Session-Timeout': '3600',
      'Mikrotik-Rate-Limit': '10M/20M',
    })
    const [audit] = await auditOf(tenant.id, 'radius.session_changed')
    assert.equal(audit.actor, `user:${tenant.owner.id}`)
    assert.containsSubset(audit.after, {
      ok: true,
      attributes: { 'Mikrotik-Rate-Limit': '10M/20M' },
    })
  })

  test('a refused change names the reason, and the session is ended so the next login carries it', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { nas, tenant, sessionId } = await sessionBehindCoaNas(cleanup, 'sari', {
      decide: (request) =>
        request.code === 'CoA-Request' ? { nak: true, errorCause: 'Unsupported-Attribute' } : {},
    })

    const response = await client
      .post(`/api/v1/radius/sessions/${sessionId}/coa`)
      .headers(tenant.headers)
      .json({ attributes: { 'Mikrotik-Rate-Limit': '5M/5M' } })
    response.assertStatus(200)
    const [outcome] = response.body().sessions
    assert.equal(outcome.via, 'disconnect')
    assert.include(outcome.message, 'does not support one of the attributes')
    assert.deepEqual(
      nas.received.map((r) => r.code),
      ['CoA-Request', 'Disconnect-Request']
    )
  })

  test('bad attributes are refused before anything is sent', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { nas, tenant, sessionId } = await sessionBehindCoaNas(cleanup, 'tono')
    const response = await client
      .post(`/api/v1/radius/sessions/${sessionId}/coa`)
      .headers(tenant.headers)
      .json({ attributes: { 'Cleartext-Password': 'x' } })
    response.assertStatus(422)
    assert.equal(response.body().errors[0].field, 'attributes.Cleartext-Password')
    const other = await createTenant({ plugins: ['radius'] })
    const foreign = await client
      .post(`/api/v1/radius/sessions/${sessionId}/coa`)
      .headers(other.headers)
      .json({ attributes: { 'Mikrotik-Rate-Limit': '1M/1M' } })
    foreign.assertStatus(404)
    assert.lengthOf(nas.received, 0)
  })

  test('an answer signed with another secret does not count, and silence is reported readably', async ({
    assert,
    cleanup,
  }) => {
    const { nas, tenant } = await sessionBehindCoaNas(cleanup, 'joko', {
      answerSecret: 'not-the-secret',
    })

    const started = Date.now()
    const result = await sessionControl.changeSessionAttributes({
      tenantId: tenant.id,
      username: 'joko',
      attributes: { 'Mikrotik-Rate-Limit': '2M/2M' },
    })
    assert.isFalse(result.ok)
    assert.equal(result.sessions[0].code, 'NAS_NO_ANSWER')
    assert.include(result.sessions[0].message, '/radius incoming set accept=yes')
    // Three tries a second apart, then it gives up.
    assert.lengthOf(nas.received, 3)
    assert.isBelow(Date.now() - started, 10_000)
  }).timeout(20_000)

  test('a request signed with the wrong secret is dropped by the router, as a real NAS would', async ({
    assert,
    cleanup,
  }) => {
    const { nas, tenant } = await sessionBehindCoaNas(cleanup, 'eko', {}, 'typo-in-secret')
    const result = await sessionControl.disconnectSession({ tenantId: tenant.id, username: 'eko' })
    assert.equal(result.sessions[0].code, 'NAS_NO_ANSWER')
    assert.isAbove(nas.received.length, 0)
    assert.isTrue(nas.received.every((request) => !request.verified))
  }).timeout(20_000)

  test('isolation by CoA puts the session on the isolir address list without a router call', async ({
    assert,
    cleanup,
  }) => {
    const { nas, tenant } = await sessionBehindCoaNas(cleanup, 'rina')

    const result = await sessionControl.isolateSession({
      tenantId: tenant.id,
      username: 'rina',
      actor: 'system:billing',
    })
    assert.isTrue(result.ok)
    assert.equal(result.sessions[0].via, 'coa')
    assert.equal(nas.received[0].attributes['Mikrotik-Address-List'], 'isolir')
    const [audit] = await auditOf(tenant.id, 'radius.session_isolated')
    assert.equal(audit.actor, 'system:billing')
  })

  test('restore sends the normal attributes by CoA, or ends the session when none are given', async ({
    assert,
    cleanup,
  }) => {
    const { nas, tenant } = await sessionBehindCoaNas(cleanup, 'dewi')

    const withPlan = await sessionControl.restoreSession({
      tenantId: tenant.id,
      username: 'dewi',
      attributes: { 'Mikrotik-Address-List': 'plan-20m', 'Mikrotik-Rate-Limit': '10M/20M' },
    })
    assert.isTrue(withPlan.ok)
    assert.equal(withPlan.sessions[0].via, 'coa')
    assert.containsSubset(nas.received[0], {
      code: 'CoA-Request',
      attributes: { 'Mikrotik-Address-List': 'plan-20m', 'Mikrotik-Rate-Limit': '10M/20M' },
    })

    const plain = await sessionControl.restoreSession({ tenantId: tenant.id, username: 'dewi' })
    assert.equal(plain.sessions[0].via, 'disconnect')
    assert.equal(nas.received[1].code, 'Disconnect-Request')
  })

  test('a NAS without CoA isolates on the MikroTik router: the address-list entry appears, then goes', async ({
    client,
    assert,
    cleanup,
  }) => {
    const sim = await startSimulator()
    cleanup(() => sim.stop())
    const tenant = await createTenant({ plugins: ['radius', 'mikrotik'] })
    const router = await addRouter(client, tenant, sim.port)
    const nasId = await registerNas(tenant.id, { coaPort: null, routerId: router.id })
    const [customer] = sim.rows('/ppp/active')
    await openSession(tenant.id, nasId, customer.name, customer.address)

    const isolated = await sessionControl.isolateSession({
      tenantId: tenant.id,
      username: customer.name,
      comment: 'belum bayar INV-2026-0042',
    })
    assert.isTrue(isolated.ok)
    assert.equal(isolated.sessions[0].via, 'router')
    assert.equal(isolated.sessions[0].router?.addressList, 'added')
    const listed = sim.rows(ADDRESS_LIST).filter((r) => r.address === customer.address)
    assert.lengthOf(listed, 1)
    assert.equal(listed[0].list, 'isolir')
    assert.notInclude(
      sim.rows('/ppp/active').map((r) => r.name),
      customer.name
    )

    const restored = await sessionControl.restoreSession({
      tenantId: tenant.id,
      username: customer.name,
    })
    assert.isTrue(restored.ok)
    assert.equal(restored.sessions[0].router?.addressList, 'removed')
    assert.lengthOf(
      sim.rows(ADDRESS_LIST).filter((r) => r.address === customer.address),
      0
    )
    const [audit] = await auditOf(tenant.id, 'radius.session_restored')
    assert.equal(audit.after.sessions[0].via, 'router')
  })

  test('a NAS that refuses the CoA falls back to the router, keeping the refusal in the outcome', async ({
    client,
    assert,
    cleanup,
  }) => {
    const sim = await startSimulator()
    cleanup(() => sim.stop())
    const nas = await startCoaResponder({
      secret: NAS_SECRET,
      decide: () => ({ nak: true, errorCause: 'Administratively-Prohibited' }),
    })
    cleanup(() => nas.close())
    const tenant = await createTenant({ plugins: ['radius', 'mikrotik'] })
    const router = await addRouter(client, tenant, sim.port)
    const nasId = await registerNas(tenant.id, { coaPort: nas.port, routerId: router.id })
    const [customer] = sim.rows('/ppp/active')
    await openSession(tenant.id, nasId, customer.name, customer.address)

    const result = await sessionControl.isolateSession({
      tenantId: tenant.id,
      username: customer.name,
    })
    assert.isTrue(result.ok)
    const [outcome] = result.sessions
    assert.equal(outcome.via, 'router')
    assert.equal(outcome.coa?.outcome, 'refused')
    assert.equal(outcome.coa?.errorCause, 'Administratively-Prohibited')
    assert.include(outcome.message, 'the router is set to refuse it')
    assert.lengthOf(
      sim.rows(ADDRESS_LIST).filter((r) => r.address === customer.address),
      1
    )
  })

  test('without CoA and without a linked router, isolation says what to set up', async ({
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['radius', 'mikrotik'] })
    const nasId = await registerNas(tenant.id, { coaPort: null })
    await openSession(tenant.id, nasId, 'wati')
    const result = await sessionControl.isolateSession({ tenantId: tenant.id, username: 'wati' })
    assert.isFalse(result.ok)
    assert.equal(result.sessions[0].code, 'NO_ROUTER_FALLBACK')
    // No open session at all: nothing to change now, the next login follows the settings.
    const none = await sessionControl.isolateSession({ tenantId: tenant.id, username: 'nobody' })
    assert.isTrue(none.ok)
    assert.lengthOf(none.sessions, 0)
  })

  test('a router that never answers UDP is reported as silent', async ({ client, cleanup }) => {
    const silent = createSocket('udp4')
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve))
    cleanup(() => {
      silent.close()
    })
    const tenant = await createTenant({ plugins: ['radius'] })
    const nasId = await registerNas(tenant.id, { coaPort: silent.address().port })
    const sessionId = await openSession(tenant.id, nasId, 'diam')
    const response = await client
      .post(`/api/v1/radius/sessions/${sessionId}/disconnect`)
      .headers(tenant.headers)
    response.assertStatus(502)
    response.assertBodyContains({ code: 'NAS_NO_ANSWER' })
  }).timeout(20_000)
})
