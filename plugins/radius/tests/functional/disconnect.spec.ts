import { test } from '@japa/runner'
import encryption from '@adonisjs/core/services/encryption'
import { platformDb } from '#core/tenancy/tenant_db'
import { createTenant } from '#tests/helpers/tenants'
import { startCoaResponder } from '../helpers/coa_responder.js'

const NAS_SECRET = 'coa-secret-77'

async function openSession(tenantId: string, nasId: string, username: string) {
  const [row] = await platformDb()
    .table('radius_sessions')
    .insert({
      tenant_id: tenantId,
      nas_id: nasId,
      acct_unique_id: `u-${username}-${Date.now()}`,
      acct_session_id: '81b00042',
      username,
      framed_ip: '10.5.50.9',
      started_at: new Date(),
      updated_at: new Date(),
    })
    .returning('id')
  return row.id as string
}

test.group('RADIUS | disconnect from the platform', () => {
  test('a Disconnect-Request reaches the NAS with the session and is confirmed', async ({
    client,
    assert,
    cleanup,
  }) => {
    const nas = await startCoaResponder({
      secret: NAS_SECRET,
      decide: (request) => (request.attributes['User-Name'] === 'nak' ? { nak: true } : {}),
    })
    cleanup(() => nas.close())
    const tenant = await createTenant({ plugins: ['radius'] })
    const [row] = await platformDb()
      .table('radius_nas')
      .insert({
        tenant_id: tenant.id,
        name: 'coa-nas',
        ip_address: '127.0.0.1',
        coa_port: nas.port,
        secret_encrypted: encryption.encrypt(NAS_SECRET),
      })
      .returning('id')
    cleanup(async () => {
      await platformDb().from('radius_nas').where('id', row.id).delete()
    })
    const sessionId = await openSession(tenant.id, row.id, 'budi')
    const response = await client
      .post(`/api/v1/radius/sessions/${sessionId}/disconnect`)
      .headers(tenant.headers)
    response.assertStatus(200)
    response.assertBodyContains({ disconnected: true })
    const received = nas.received.at(-1)!
    assert.isTrue(received.verified)
    assert.equal(received.code, 'Disconnect-Request')
    assert.deepEqual(received.attributes, {
      'User-Name': 'budi',
      'Acct-Session-Id': '81b00042',
      'Framed-IP-Address': '10.5.50.9',
    })
    const audit = await platformDb()
      .from('audit_logs')
      .where({ tenant_id: tenant.id, action: 'radius.session_disconnected' })
      .first()
    assert.equal(audit.after.sessions[0].coa.outcome, 'acked')

    const refused = await client
      .post(`/api/v1/radius/sessions/${await openSession(tenant.id, row.id, 'nak')}/disconnect`)
      .headers(tenant.headers)
    refused.assertStatus(502)
    refused.assertBodyContains({ code: 'NAS_REFUSED' })
  })

  test("a session that is not open, or not this account's, is not found", async ({ client }) => {
    const tenant = await createTenant({ plugins: ['radius'] })
    ;(
      await client.post('/api/v1/radius/sessions/999999999/disconnect').headers(tenant.headers)
    ).assertStatus(404)
    ;(
      await client.post('/api/v1/radius/sessions/not-a-number/disconnect').headers(tenant.headers)
    ).assertStatus(404)
  })
})
