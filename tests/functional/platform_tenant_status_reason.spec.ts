import { test } from '@japa/runner'
import { platformDb } from '#core/tenancy/tenant_db'
import { createPlatformAdmin, createTenant } from '#tests/helpers/tenants'

/** Panel headers: an Inertia visit, so refusals come back the panel way. */
const INERTIA = { 'x-inertia': 'true', 'x-inertia-version': '1' }

const statusAudit = (tenantId: string) =>
  platformDb()
    .from('audit_logs')
    .where({ tenant_id: tenantId, action: 'tenant.status_changed' })
    .orderBy('id')
    .select('actor', 'before', 'after')

test.group('Platform panel | tenant status with a reason', () => {
  test('the reason typed in the status dialog is kept in the audit entry and shown on the tenant page', async ({
    client,
    assert,
  }) => {
    const admin = await createPlatformAdmin()
    const tenant = await createTenant({ name: 'Jaringan Sumbawa' })
    const session = { user_id: admin.id }
    const changed = await client
      .patch(`/admin/tenants/${tenant.id}/status`)
      .withSession(session)
      .withCsrfToken()
      .headers(INERTIA)
      .json({ status: 'panel_isolated', reason: 'Tagihan platform Oktober belum dibayar' })
      .redirects(0)
    changed.assertStatus(303)
    assert.equal(
      (await platformDb().from('tenants').where('id', tenant.id).first()).status,
      'panel_isolated'
    )
    const [entry] = await statusAudit(tenant.id)
    assert.equal(entry.actor, `super_admin:${admin.id}`)
    assert.deepEqual(entry.before, { status: 'active' })
    assert.deepEqual(entry.after, {
      status: 'panel_isolated',
      reason: 'Tagihan platform Oktober belum dibayar',
    })

    const page = await client
      .get(`/admin/tenants/${tenant.id}`)
      .withSession(session)
      .headers(INERTIA)
    const shown = page
      .body()
      .props.audit.data.find((e: { action: string }) => e.action === 'tenant.status_changed')
    assert.equal(shown.after.reason, 'Tagihan platform Oktober belum dibayar')

    // No reason given: the entry carries the status alone.
    await client
      .patch(`/admin/tenants/${tenant.id}/status`)
      .withSession(session)
      .withCsrfToken()
      .headers(INERTIA)
      .json({ status: 'active' })
      .redirects(0)
    const entries = await statusAudit(tenant.id)
    assert.lengthOf(entries, 2)
    assert.deepEqual(entries[1].after, { status: 'active' })
  })

  test('a reason over 300 characters is refused on its field and the status stays', async ({
    client,
    assert,
  }) => {
    const admin = await createPlatformAdmin()
    const tenant = await createTenant()
    const refused = await client
      .patch(`/admin/tenants/${tenant.id}/status`)
      .withSession({ user_id: admin.id })
      .withCsrfToken()
      .headers(INERTIA)
      .json({ status: 'deactivated', reason: 'x'.repeat(301) })
      .redirects(0)
    assert.property((refused.flashMessages() as any).errorsBag, 'reason')
    assert.equal(
      (await platformDb().from('tenants').where('id', tenant.id).first()).status,
      'active'
    )
    assert.lengthOf(await statusAudit(tenant.id), 0)
  })
})
