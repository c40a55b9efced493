import { test } from '@japa/runner'
import { createSocket, type Socket } from 'node:dgram'
import radius from 'radius'
import encryption from '@adonisjs/core/services/encryption'
import { platformDb } from '#core/tenancy/tenant_db'
import { createTenant } from '#tests/helpers/tenants'

const NAS_SECRET = 'coa-secret-77'

/** A NAS's RFC 5176 listener: decodes with the shared secret, ACKs (or NAKs user "nak"). */
async function startNasListener() {
  const received: Record<string, unknown>[] = []
  const socket: Socket = createSocket('udp4')
  socket.on('message', (message, remote) => {
    const request = radius.decode({ packet: message, secret: NAS_SECRET })
    received.push({ code: request.code, ...request.attributes })
    const code = request.attributes['User-Name'] === 'nak' ? 'Disconnect-NAK' : 'Disconnect-ACK'
    socket.send(
      radius.encode_response({ packet: request, code, secret: NAS_SECRET }),
      remote.port,
      remote.address
    )
  })
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve))
  return { port: socket.address().port, received, close: () => socket.close() }
}

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

test.group('RADIUS | disconnect from the platform', (group) => {
  let nas: Awaited<ReturnType<typeof startNasListener>>
  group.setup(async () => {
    nas = await startNasListener()
    return () => {
      nas.close()
    }
  })

  test('a Disconnect-Request reaches the NAS with the session and is confirmed', async ({
    client,
    assert,
  }) => {
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
    const sessionId = await openSession(tenant.id, row.id, 'budi')
    const response = await client
      .post(`/api/v1/radius/sessions/${sessionId}/disconnect`)
      .headers(tenant.headers)
    response.assertStatus(200)
    assert.deepEqual(nas.received.at(-1), {
      'code': 'Disconnect-Request',
      'User-Name': 'budi',
      'Acct-Session-Id': '81b00042',
      'Framed-IP-Address': '10.5.50.9',
    })
    const audit = await platformDb()
      .from('audit_logs')
      .where({ tenant_id: tenant.id, action: 'radius.session_disconnect' })
      .first()
    assert.equal(audit.after.outcome, 'acked')

    const refused = await client
      .post(`/api/v1/radius/sessions/${await openSession(tenant.id, row.id, 'nak')}/disconnect`)
      .headers(tenant.headers)
    refused.assertStatus(502)
    refused.assertBodyContains({ code: 'NAS_REFUSED' })

    await platformDb().from('radius_nas').where('id', row.id).delete()
  })

  test('a NAS that does not answer gets a readable error, not a hang', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['radius'] })
    const silent = createSocket('udp4')
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve))
    const [row] = await platformDb()
      .table('radius_nas')
      .insert({
        tenant_id: tenant.id,
        name: 'mute',
        ip_address: '127.0.0.1',
        coa_port: silent.address().port,
        secret_encrypted: encryption.encrypt(NAS_SECRET),
      })
      .returning('id')
    try {
      const started = Date.now()
      const response = await client
        .post(`/api/v1/radius/sessions/${await openSession(tenant.id, row.id, 'diam')}/disconnect`)
        .headers(tenant.headers)
      response.assertStatus(502)
      response.assertBodyContains({ code: 'NAS_NO_ANSWER' })
      assert.isBelow(Date.now() - started, 10_000)
    } finally {
      silent.close()
      await platformDb().from('radius_nas').where('id', row.id).delete()
    }
  }).timeout(20_000)
})
