import { randomBytes } from 'node:crypto'
import { test } from '@japa/runner'
import kernel from '#core/services/kernel'
import { platformDb } from '#core/tenancy/tenant_db'
import {
  applyGroup,
  featureGroups,
  featuresOf,
  setFeature,
} from '#core/tenancy/features/feature_service'

const admin = { actor: 'super_admin:2', requestId: 'req-features' }

const BASIC = ['billing', 'customers', 'mikrotik', 'radius', 'voucher']
const PRO = [...BASIC, 'hr', 'maps', 'wa'].sort()
const BUSINESS = [...PRO, 'ai-agent', 'api_access', 'white-label'].sort()

/** A bare tenant: these tests need no users or plugins. */
async function createTenant() {
  const slug = `feat-${randomBytes(5).toString('hex')}`
  const [row] = await platformDb()
    .table('tenants')
    .insert({ name: `Tenant ${slug}`, slug })
    .returning('id')
  return { id: row.id as string }
}

const auditOf = (tenantId: string) =>
  platformDb()
    .from('audit_logs')
    .where('tenant_id', tenantId)
    .orderBy('id')
    .select('actor', 'action', 'subject_id', 'before', 'after', 'request_id')

test.group('Features | groups (simple mode)', () => {
  test('the seeded groups grow from basic to business', async ({ assert }) => {
    const groups = await featureGroups()
    assert.deepEqual(
      groups.map((g) => [g.code, [...g.features].sort()]),
      [
        ['basic', BASIC],
        ['pro', PRO],
        ['business', BUSINESS],
      ]
    )
  })

  test('applying a group gives the tenant exactly its features', async ({ assert }) => {
    const tenant = await createTenant()
    await setFeature(tenant.id, 'fixture_pings', true, admin)

    const toPro = await applyGroup(tenant.id, 'pro', admin)
    assert.deepEqual(toPro.features, PRO)
    assert.deepEqual(toPro.added, PRO)
    assert.deepEqual(toPro.removed, ['fixture_pings'])
    assert.deepEqual(await featuresOf(tenant.id), PRO)

    const toBasic = await applyGroup(tenant.id, 'basic', admin)
    assert.deepEqual(toBasic.added, [])
    assert.deepEqual(toBasic.removed, ['hr', 'maps', 'wa'])
    assert.deepEqual(await featuresOf(tenant.id), BASIC)

    const entries = await auditOf(tenant.id)
    assert.deepEqual(
      entries.map((e) => [e.actor, e.action, e.subject_id, e.request_id]),
      [
        ['super_admin:2', 'feature.enabled', 'fixture_pings', 'req-features'],
        ['super_admin:2', 'features.group_applied', 'pro', 'req-features'],
        ['super_admin:2', 'features.group_applied', 'basic', 'req-features'],
      ]
    )
    assert.deepEqual(entries[2].before, { features: PRO })
    assert.deepEqual(entries[2].after, { features: BASIC })
  })

  test('applying the group a tenant already has changes nothing and logs nothing', async ({
    assert,
  }) => {
    const tenant = await createTenant()
    await applyGroup(tenant.id, 'basic', admin)
    const again = await applyGroup(tenant.id, 'basic', admin)
    assert.deepEqual([again.added, again.removed], [[], []])
    assert.lengthOf(await auditOf(tenant.id), 1)
  })
})

test.group('Features | one at a time (advanced mode)', () => {
  test('a toggle changes that feature only', async ({ assert }) => {
    const tenant = await createTenant()
    await applyGroup(tenant.id, 'basic', admin)

    const on = await setFeature(tenant.id, 'api_access', true, admin)
    assert.deepEqual(on.added, ['api_access'])
    assert.deepEqual(await featuresOf(tenant.id), [...BASIC, 'api_access'].sort())

    const off = await setFeature(tenant.id, 'voucher', false, admin)
    assert.deepEqual([off.added, off.removed], [[], ['voucher']])
    assert.deepEqual(await featuresOf(tenant.id), [
      'api_access',
      'billing',
      'customers',
      'mikrotik',
      'radius',
    ])

    const [, enabled, disabled] = await auditOf(tenant.id)
    assert.deepEqual([enabled.action, enabled.subject_id], ['feature.enabled', 'api_access'])
    assert.deepEqual([disabled.action, disabled.subject_id], ['feature.disabled', 'voucher'])
    assert.include(disabled.before.features, 'voucher')
    assert.notInclude(disabled.after.features, 'voucher')
  })

  test('features that are plugins are handed back for the caller to sync; plugins are not touched', async ({
    assert,
  }) => {
    const tenant = await createTenant()
    const on = await setFeature(tenant.id, 'fixture-base', true, admin)
    assert.deepEqual(on.plugins, { wanted: ['fixture-base'], added: ['fixture-base'], removed: [] })
    assert.isFalse(await kernel.enablement.isEnabled(tenant.id, 'fixture-base'))

    const capability = await setFeature(tenant.id, 'api_access', true, admin)
    assert.deepEqual(capability.plugins, { wanted: ['fixture-base'], added: [], removed: [] })

    const group = await applyGroup(tenant.id, 'business', admin)
    assert.deepEqual(group.plugins.removed, ['fixture-base'])
    assert.notInclude(group.removed, 'api_access')
  })
})

test.group('Features | bad input changes nothing', () => {
  test('an unknown group, an unknown feature, a non-boolean switch', async ({ assert }) => {
    const tenant = await createTenant()
    await applyGroup(tenant.id, 'pro', admin)

    const group = await applyGroup(tenant.id, 'gold', admin).catch((e) => e)
    assert.equal(group.status, 422)
    assert.deepEqual(group.errors, [
      {
        field: 'group',
        message: 'There is no feature group "gold". Choose one of: basic, pro, business.',
      },
    ])

    const feature = await setFeature(tenant.id, 'teleport', true, admin).catch((e) => e)
    assert.equal(feature.status, 422)
    assert.equal(feature.errors[0].field, 'feature')
    assert.match(
      feature.errors[0].message,
      /^"teleport" is not a known feature\. Known features: .*api_access/
    )

    const toggle = await setFeature(tenant.id, 'maps', 'yes' as any, admin).catch((e) => e)
    assert.deepEqual(
      toggle.errors.map((e: any) => e.field),
      ['enabled']
    )

    assert.deepEqual(await featuresOf(tenant.id), PRO)
    assert.lengthOf(await auditOf(tenant.id), 1)
  })

  test('an unknown tenant is a 404', async ({ assert }) => {
    const error = await setFeature(
      '00000000-0000-4000-8000-000000000000',
      'maps',
      true,
      admin
    ).catch((e) => e)
    assert.deepEqual([error.status, error.code], [404, 'NOT_FOUND'])
  })
})
