import { test } from '@japa/runner'
import { platformDb } from '#core/tenancy/tenant_db'
import { addAddon } from '#core/tenancy/limits/addon_service'
import { createPlatformAdmin, createTenant } from '#tests/helpers/tenants'

/** Panel headers: an Inertia visit, so refusals come back the panel way. */
const INERTIA = { 'x-inertia': 'true', 'x-inertia-version': '1' }

/** An addon the tenant ordered, waiting for the super admin (two extra routers). */
const pendingRouters = (tenantId: string) =>
  addAddon(tenantId, 'extra_router', 2, { actor: 'system:test' }, { status: 'pending' })

const addonAudit = (tenantId: string, action: string) =>
  platformDb()
    .from('audit_logs')
    .where({ tenant_id: tenantId, action })
    .orderBy('id')
    .select('actor', 'subject_id', 'before', 'after')

const statusOf = async (addonId: string) =>
  (await platformDb().from('tenant_addons').where('id', addonId).first()).status

test.group('Platform API | pending addons', () => {
  test('approving a pending addon raises the tenant’s limit at once, audited; a second approval changes nothing', async ({
    client,
    assert,
  }) => {
    const admin = await createPlatformAdmin()
    const tenant = await createTenant({ plan: 'basic' })
    const routers = async () =>
      (await client.get(`/api/v1/platform/tenants/${tenant.id}`).headers(admin.headers)).body()
        .limits.max_router.effective
    const addon = await pendingRouters(tenant.id)
    const before = await routers()

    const approved = await client
      .post(`/api/v1/platform/tenants/${tenant.id}/addons/${addon.id}/approve`)
      .headers(admin.headers)
    approved.assertStatus(200)
    assert.equal(approved.body().status, 'active')
    assert.equal(await routers(), before + 2)
    const [entry] = await addonAudit(tenant.id, 'addon.activated')
    assert.equal(entry.actor, `super_admin:${admin.id}`)
    assert.equal(entry.subject_id, addon.id)
    assert.deepInclude(entry.before, { status: 'pending' })
    assert.deepInclude(entry.after, { status: 'active' })

    const again = await client
      .post(`/api/v1/platform/tenants/${tenant.id}/addons/${addon.id}/approve`)
      .headers(admin.headers)
    again.assertStatus(200)
    assert.lengthOf(await addonAudit(tenant.id, 'addon.activated'), 1)
    assert.equal(await routers(), before + 2)
  })

  test('rejecting keeps the reason in the audit log; the addon never counts and cannot be approved later', async ({
    client,
    assert,
  }) => {
    const admin = await createPlatformAdmin()
    const tenant = await createTenant({ plan: 'basic' })
    const routers = async () =>
      (await client.get(`/api/v1/platform/tenants/${tenant.id}`).headers(admin.headers)).body()
        .limits.max_router.effective
    const addon = await pendingRouters(tenant.id)
    const before = await routers()

    const rejected = await client
      .post(`/api/v1/platform/tenants/${tenant.id}/addons/${addon.id}/reject`)
      .headers(admin.headers)
      .json({ reason: 'Pembayaran belum diterima' })
    rejected.assertStatus(200)
    assert.equal(rejected.body().status, 'cancelled')
    assert.equal(await routers(), before)
    const [entry] = await addonAudit(tenant.id, 'addon.rejected')
    assert.equal(entry.actor, `super_admin:${admin.id}`)
    assert.deepInclude(entry.after, { status: 'cancelled', reason: 'Pembayaran belum diterima' })

    const late = await client
      .post(`/api/v1/platform/tenants/${tenant.id}/addons/${addon.id}/approve`)
      .headers(admin.headers)
    late.assertStatus(409)
    assert.equal(late.body().code, 'ADDON_CANCELLED')
    assert.equal(await statusOf(addon.id), 'cancelled')
    assert.equal(await routers(), before)
  })

  test('an active addon cannot be rejected (cancelling ends it); bad input is refused and changes nothing', async ({
    client,
    assert,
  }) => {
    const admin = await createPlatformAdmin()
    const tenant = await createTenant()
    const other = await createTenant()
    const pending = await pendingRouters(tenant.id)
    const active = await addAddon(tenant.id, 'extra_router', 1, { actor: 'system:test' })
    const base = `/api/v1/platform/tenants/${tenant.id}/addons`

    const activeRejected = await client
      .post(`${base}/${active.id}/reject`)
      .headers(admin.headers)
      .json({})
    activeRejected.assertStatus(409)
    assert.equal(activeRejected.body().code, 'ADDON_NOT_PENDING')
    assert.equal(await statusOf(active.id), 'active')

    const tooLong = await client
      .post(`${base}/${pending.id}/reject`)
      .headers(admin.headers)
      .json({ reason: 'x'.repeat(301) })
    tooLong.assertStatus(422)
    assert.equal(tooLong.body().errors[0].field, 'reason')

    for (const path of [
      `${base}/not-a-uuid/approve`,
      `${base}/00000000-0000-4000-8000-000000000000/approve`,
      `${base}/00000000-0000-4000-8000-000000000000/reject`,
      // The addon exists, but under another tenant's address.
      `/api/v1/platform/tenants/${other.id}/addons/${pending.id}/approve`,
      `/api/v1/platform/tenants/${other.id}/addons/${pending.id}/reject`,
      `/api/v1/platform/tenants/00000000-0000-4000-8000-000000000000/addons/${pending.id}/approve`,
    ]) {
      const response = await client.post(path).headers(admin.headers).json({})
      assert.equal(response.status(), 404, path)
    }

    // The tenant's own owner is no super admin.
    const own = await client.post(`${base}/${pending.id}/approve`).headers(tenant.headers)
    own.assertStatus(403)

    assert.equal(await statusOf(pending.id), 'pending')
    assert.lengthOf(await addonAudit(tenant.id, 'addon.activated'), 0)
    assert.lengthOf(await addonAudit(tenant.id, 'addon.rejected'), 0)
  })
})

test.group('Platform panel | pending addons', () => {
  test('the tenant page approves and rejects pending addons, with the reason kept', async ({
    client,
    assert,
  }) => {
    const admin = await createPlatformAdmin()
    const tenant = await createTenant()
    const session = { user_id: admin.id }
    const first = await pendingRouters(tenant.id)
    const second = await pendingRouters(tenant.id)
    const post = (path: string, body: object = {}) =>
      client
        .post(`/admin/tenants/${tenant.id}/addons/${path}`)
        .withSession(session)
        .withCsrfToken()
        .headers(INERTIA)
        .json(body)
        .redirects(0)

    const page = await client
      .get(`/admin/tenants/${tenant.id}`)
      .withSession(session)
      .headers(INERTIA)
    const shown = page.body().props.tenantDetail.addons
    assert.sameMembers(
      shown.map((a: { status: string }) => a.status),
      ['pending', 'pending']
    )

    ;(await post(`${first.id}/approve`)).assertStatus(302)
    assert.equal(await statusOf(first.id), 'active')

    const tooLong = await post(`${second.id}/reject`, { reason: 'x'.repeat(301) })
    assert.property((tooLong.flashMessages() as any).errorsBag, 'reason')
    assert.equal(await statusOf(second.id), 'pending')

    ;(await post(`${second.id}/reject`, { reason: 'Salah pesan' })).assertStatus(302)
    assert.equal(await statusOf(second.id), 'cancelled')
    const [entry] = await addonAudit(tenant.id, 'addon.rejected')
    assert.equal(entry.after.reason, 'Salah pesan')

    const refused = await post(`${first.id}/reject`)
    assert.equal((refused.flashMessages() as any).refusal.code, 'ADDON_NOT_PENDING')
    assert.equal(await statusOf(first.id), 'active')
  })
})
