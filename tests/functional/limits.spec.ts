import { randomBytes } from 'node:crypto'
import { test } from '@japa/runner'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { platformDb } from '#core/tenancy/tenant_db'
import { effectiveLimits, limitOverrides, withinLimit } from '#core/tenancy/limits/limit_service'
import {
  addAddon,
  activateAddon,
  activeAddons,
  cancelAddon,
} from '#core/tenancy/limits/addon_service'
import { listPlans, updatePlan } from '#core/tenancy/limits/plan_catalog'
import { changePlan, overrideLimit } from '#core/tenancy/plan_service'

const admin = { actor: 'super_admin:1', ip: '10.0.0.9' }

/** A bare tenant on the given plan: these tests need no users or plugins. */
async function createTenant(plan = 'basic') {
  const slug = `lim-${randomBytes(5).toString('hex')}`
  const [row] = await platformDb()
    .table('tenants')
    .insert({ name: `Tenant ${slug}`, slug, plan })
    .returning('id')
  return { id: row.id as string }
}

// The product sheet, as sold: router, user, voucher, ODP, client-map limits (null = unlimited).
const KEYS = ['max_router', 'max_user', 'max_voucher', 'max_odp', 'max_client_maps']
const SHEET: Record<string, (number | null)[]> = {
  basic: [2, 250, 15_000, 20, 250],
  pro: [5, 1_000, 35_000, 50, 1_000],
  business: [10, 5_000, null, 150, 4_000],
  enterprise: [null, null, null, null, null],
}

// fixture_base_pings stands in for whatever a plugin counts (routers, vouchers...).
const countPings = (tenantId: string) => async (trx: TransactionClientContract) =>
  (await trx.from('fixture_base_pings').where('tenant_id', tenantId).count('* as n'))[0].n
const insertPing = (tenantId: string, note: string) => (trx: TransactionClientContract) =>
  trx.table('fixture_base_pings').insert({ tenant_id: tenantId, note }).returning('id')
const createPing = (tenantId: string, key: string, note = 'ping') =>
  withinLimit(tenantId, key, countPings(tenantId), insertPing(tenantId, note))
const pingCount = async (tenantId: string) => {
  const [row] = await platformDb()
    .from('fixture_base_pings')
    .where('tenant_id', tenantId)
    .count('* as n')
  return Number(row.n)
}
const auditOf = (tenantId: string) =>
  platformDb()
    .from('audit_logs')
    .where('tenant_id', tenantId)
    .orderBy('id')
    .select('actor', 'action', 'subject_id', 'before', 'after')

test.group('Limits | plans, overrides and addons', () => {
  test('every plan starts from the product sheet', async ({ assert }) => {
    assert.deepEqual(
      (await listPlans()).map((p) => [p.code, p.price, p.featureGroup]),
      [
        ['basic', 150_000, 'basic'],
        ['pro', 400_000, 'pro'],
        ['business', 950_000, 'business'],
        ['enterprise', null, 'business'],
      ]
    )
    for (const [code, sheet] of Object.entries(SHEET)) {
      const tenant = await createTenant()
      await changePlan(tenant.id, code, admin)
      const limits = await effectiveLimits(tenant.id)
      assert.deepEqual(
        KEYS.map((key) => limits[key].effective),
        sheet,
        code
      )
      assert.deepEqual(
        KEYS.map((key) => limits[key].plan),
        sheet,
        code
      )
    }
  })

  test('an override replaces the plan default, is flagged billable, and can be removed', async ({
    assert,
  }) => {
    const tenant = await createTenant()
    const breakdown = await overrideLimit(tenant.id, 'max_router', 8, admin)
    assert.deepEqual(breakdown, { plan: 2, override: 8, addons: 0, effective: 8 })
    await overrideLimit(tenant.id, 'max_user', 300, admin, { billable: false })
    assert.deepEqual(await limitOverrides(tenant.id), {
      max_router: { value: 8, billable: true },
      max_user: { value: 300, billable: false },
    })

    const removed = await overrideLimit(tenant.id, 'max_router', null, admin)
    assert.deepEqual(removed, { plan: 2, override: null, addons: 0, effective: 2 })
    const entries = await auditOf(tenant.id)
    assert.deepEqual(
      entries.map((e) => [e.actor, e.action, e.subject_id]),
      [
        ['super_admin:1', 'limit.overridden', 'max_router'],
        ['super_admin:1', 'limit.overridden', 'max_user'],
        ['super_admin:1', 'limit.override_removed', 'max_router'],
      ]
    )
    assert.deepEqual([entries[0].before, entries[0].after], [null, { value: 8, billable: true }])
    assert.deepEqual([entries[2].before, entries[2].after], [{ value: 8, billable: true }, null])
  })

  test('active addons add on top of the plan or the override; pending and cancelled ones do not', async ({
    assert,
  }) => {
    const tenant = await createTenant()
    const routers = await addAddon(tenant.id, 'extra_router', 2, admin)
    await addAddon(tenant.id, 'extra_user_pack', 1, admin)
    const pending = await addAddon(tenant.id, 'extra_router', 5, admin, { status: 'pending' })
    let limits = await effectiveLimits(tenant.id)
    assert.deepEqual(limits.max_router, { plan: 2, override: null, addons: 2, effective: 4 })
    assert.equal(limits.max_user.effective, 750)

    await overrideLimit(tenant.id, 'max_router', 5, admin)
    assert.equal((await effectiveLimits(tenant.id)).max_router.effective, 7)

    await activateAddon(pending.id, admin)
    await cancelAddon(routers.id, admin)
    limits = await effectiveLimits(tenant.id)
    assert.deepEqual(limits.max_router, { plan: 2, override: 5, addons: 5, effective: 10 })
    assert.deepEqual(
      (await activeAddons(tenant.id)).map((a) => [a.code, a.quantity, a.price, a.billable]),
      [
        ['extra_user_pack', 1, 100_000, true],
        ['extra_router', 5, 50_000, true],
      ]
    )
    assert.includeMembers(
      (await auditOf(tenant.id)).map((e) => `${e.action} ${e.subject_id}`),
      [
        `addon.added ${routers.id}`,
        `addon.activated ${pending.id}`,
        `addon.cancelled ${routers.id}`,
      ]
    )
  })

  test('unlimited stays unlimited, with addons on top too', async ({ assert }) => {
    const business = await createTenant('business')
    assert.isNull((await effectiveLimits(business.id)).max_voucher.effective)

    const enterprise = await createTenant('enterprise')
    await addAddon(enterprise.id, 'extra_router', 1, admin)
    assert.deepEqual((await effectiveLimits(enterprise.id)).max_router, {
      plan: null,
      override: null,
      addons: 1,
      effective: null,
    })
    for (let i = 0; i < 12; i++) await createPing(enterprise.id, 'max_router')
    assert.equal(await pingCount(enterprise.id), 12)
  })

  test('a plan edited by the super admin applies to its tenants at once', async ({
    assert,
    cleanup,
  }) => {
    await platformDb()
      .table('plans')
      .insert({
        code: 'trial',
        name: 'Trial',
        price: 0,
        limits: JSON.stringify({ max_router: 1 }),
        sort: 99,
      })
    cleanup(async () => {
      await platformDb().from('plans').where('code', 'trial').delete()
    })
    const tenant = await createTenant()
    await changePlan(tenant.id, 'trial', admin)
    const plan = await updatePlan('trial', { limits: { max_router: 3 }, price: 25_000 }, admin)
    assert.deepEqual([plan.price, plan.limits], [25_000, { max_router: 3 }])
    assert.equal((await effectiveLimits(tenant.id)).max_router.effective, 3)
    const [entry] = await platformDb()
      .from('audit_logs')
      .where({ action: 'plan.updated', subject_id: 'trial' })
    assert.deepEqual([entry.tenant_id, entry.before.price, entry.after.price], [null, 0, 25_000])

    await updatePlan('trial', { active: false }, admin)
    const error = await changePlan(tenant.id, 'trial', admin).catch((e) => e)
    assert.deepEqual(error.errors, [
      {
        field: 'plan',
        message: 'Plan "trial" is no longer sold. Choose one of: basic, pro, business, enterprise.',
      },
    ])
  })
})

test.group('Limits | enforcement', () => {
  test('a create at the limit is refused naming the limit, its value and the usage', async ({
    assert,
  }) => {
    const tenant = await createTenant()
    await createPing(tenant.id, 'max_router')
    await createPing(tenant.id, 'max_router')
    const error = await createPing(tenant.id, 'max_router').catch((e) => e)
    assert.equal(error.status, 403)
    assert.equal(error.code, 'LIMIT_REACHED')
    assert.equal(
      error.message,
      'Your plan allows 2 routers and 2 are in use. Add an extra_router addon or upgrade the plan.'
    )
    assert.equal(await pingCount(tenant.id), 2)

    await addAddon(tenant.id, 'extra_router', 1, admin)
    await createPing(tenant.id, 'max_router')
    assert.equal(await pingCount(tenant.id), 3)
  })

  test('several at once must all fit', async ({ assert }) => {
    const tenant = await createTenant()
    await createPing(tenant.id, 'max_router')
    const error = await withinLimit(
      tenant.id,
      'max_router',
      countPings(tenant.id),
      insertPing(tenant.id, 'x'),
      2
    ).catch((e) => e)
    assert.equal(
      error.message,
      'Your plan allows 2 routers and 1 is in use, so 2 more do not fit. Add an extra_router addon or upgrade the plan.'
    )
    assert.equal(await pingCount(tenant.id), 1)
  })

  test('parallel creates at the limit: exactly one gets the last slot', async ({ assert }) => {
    for (let round = 1; round <= 3; round++) {
      const tenant = await createTenant()
      await overrideLimit(tenant.id, 'max_fixture_ping', 5, admin)
      for (let i = 0; i < 4; i++) await createPing(tenant.id, 'max_fixture_ping')

      const results = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) => createPing(tenant.id, 'max_fixture_ping', `race ${i}`))
      )
      const refusals = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []))
      assert.equal(
        results.length - refusals.length,
        1,
        `round ${round}: exactly one create succeeds`
      )
      assert.deepEqual(
        [...new Set(refusals.map((e) => e.message))],
        [
          'Your plan allows 5 fixture pings and 5 are in use. Upgrade the plan or ask the platform administrator to raise the limit.',
        ]
      )
      assert.equal(await pingCount(tenant.id), 5, `round ${round}`)
    }
  })
})

test.group('Limits | bad input changes nothing', () => {
  test('an unknown plan code', async ({ assert }) => {
    const tenant = await createTenant()
    const error = await changePlan(tenant.id, 'platinum', admin).catch((e) => e)
    assert.equal(error.status, 422)
    assert.equal(error.code, 'VALIDATION_FAILED')
    assert.deepEqual(error.errors, [
      {
        field: 'plan',
        message: 'There is no plan "platinum". Choose one of: basic, pro, business, enterprise.',
      },
    ])
    assert.equal((await platformDb().from('tenants').where('id', tenant.id).first()).plan, 'basic')
    assert.deepEqual(await auditOf(tenant.id), [])
  })

  test('an unknown limit key or a negative value', async ({ assert }) => {
    const tenant = await createTenant()
    const unknown = await overrideLimit(tenant.id, 'max_rooter', 3, admin).catch((e) => e)
    assert.equal(unknown.status, 422)
    assert.equal(unknown.errors[0].field, 'limitKey')
    assert.match(
      unknown.errors[0].message,
      /^"max_rooter" is not a known limit\. Known limits: .*max_router/
    )
    const negative = await overrideLimit(tenant.id, 'max_router', -1, admin).catch((e) => e)
    assert.deepEqual(
      negative.errors.map((e: any) => e.field),
      ['value']
    )
    const creating = await createPing(tenant.id, 'max_rooter').catch((e) => e)
    assert.deepEqual([creating.status, creating.errors[0].field], [422, 'limitKey'])

    assert.deepEqual(await limitOverrides(tenant.id), {})
    assert.equal(await pingCount(tenant.id), 0)
    assert.deepEqual(await auditOf(tenant.id), [])
  })

  test('a negative quantity or an unknown addon', async ({ assert }) => {
    const tenant = await createTenant()
    const error = await addAddon(tenant.id, 'extra_rooter', -2, admin).catch((e) => e)
    assert.equal(error.status, 422)
    assert.deepEqual(
      error.errors.map((e: any) => e.field),
      ['quantity', 'code']
    )
    assert.equal(error.errors[0].message, 'must be a whole number from 1 to 10000')
    assert.lengthOf(await platformDb().from('tenant_addons').where('tenant_id', tenant.id), 0)
    assert.deepEqual(await auditOf(tenant.id), [])
  })

  test('a bad plan edit', async ({ assert }) => {
    const error = await updatePlan('basic', { price: -5, limits: { max_router: -1 } }, admin).catch(
      (e) => e
    )
    assert.equal(error.status, 422)
    assert.sameMembers(
      error.errors.map((e: any) => e.field),
      ['price', 'limits.max_router']
    )
    const basic = (await listPlans()).find((p) => p.code === 'basic')!
    assert.equal(basic.price, 150_000)
    assert.deepEqual(
      KEYS.map((key) => basic.limits[key]),
      SHEET.basic
    )
  })

  test('an unknown tenant is a 404, not a 500', async ({ assert }) => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const error = await effectiveLimits(id).catch((e) => e)
      assert.deepEqual([error.status, error.code], [404, 'NOT_FOUND'])
    }
  })
})
