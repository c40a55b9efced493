import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import { overrideLimit } from '#core/tenancy/plan_service'
import { platformDb } from '#core/tenancy/tenant_db'
import { createMember } from '#tests/helpers/tenants'
import { visitPage } from '#tests/helpers/inertia'
import { aBatch, tenantWithPackage } from '../helpers/voucher_api.js'

/** Posts a panel form the way the Inertia client does: signed-in session, CSRF token. */
const submit = (
  client: ApiClient,
  method: 'post' | 'patch' | 'put' | 'delete',
  url: string,
  who: { headers: Record<string, string>; userId: string },
  body: object = {}
) =>
  client[method](url)
    .header('host', who.headers.host)
    .withSession({ user_id: who.userId })
    .withCsrfToken()
    .header('x-inertia', 'true')
    .header('referer', url)
    .json(body)
    .redirects(0)

const owner = (tenant: { headers: Record<string, string>; owner: { id: string } }) => ({
  headers: tenant.headers,
  userId: tenant.owner.id,
})

test.group('Voucher | panel pages', () => {
  test('every page renders with its data for the owner', async ({ client, assert }) => {
    const { tenant, api, pkg } = await tenantWithPackage(client)
    const batch = (await api.post('/voucher-batches', aBatch(pkg.id, { count: 5 }))).body()

    const packages = await visitPage(client, '/voucher-packages', tenant.headers)
    packages.assertStatus(200)
    assert.equal(packages.body().component, 'voucher/packages/index')
    assert.equal(packages.body().props.packages.data[0].name, pkg.name)
    assert.isTrue(packages.body().props.can.manage)

    const batches = await visitPage(client, '/voucher-batches', tenant.headers)
    assert.equal(batches.body().component, 'voucher/batches/index')
    assert.deepInclude(batches.body().props.batches.data[0], { id: batch.id, push: null })
    assert.deepEqual(batches.body().props.packages, [{ id: pkg.id, name: pkg.name, price: 5000 }])
    assert.deepEqual(batches.body().props.routers, [])

    const vouchers = await visitPage(client, `/vouchers?batchId=${batch.id}`, tenant.headers)
    assert.equal(vouchers.body().component, 'voucher/vouchers/index')
    assert.equal(vouchers.body().props.vouchers.meta.total, 5)
    assert.equal(vouchers.body().props.filters.batchId, batch.id)

    const print = await visitPage(
      client,
      `/voucher-batches/${batch.id}/print?template=thermal58`,
      tenant.headers
    )
    assert.equal(print.body().component, 'voucher/batches/print')
    assert.equal(
      print.body().props.pdfUrl,
      `/voucher-batches/${batch.id}/cards.pdf?template=thermal58`
    )
    const pdf = await client.get(print.body().props.pdfUrl).headers(tenant.headers)
    pdf.assertStatus(200)
    assert.equal(pdf.header('content-type'), 'application/pdf')

    const report = await visitPage(client, '/voucher-reports?groupBy=package', tenant.headers)
    assert.equal(report.body().component, 'voucher/reports/sales')
    assert.equal(report.body().props.report.groupBy, 'package')

    const settings = await visitPage(client, '/voucher-settings', tenant.headers)
    assert.equal(settings.body().component, 'voucher/settings/index')
    assert.equal(settings.body().props.settings.delivery, 'radius')
  })

  test('the generator sends refusals back to their fields and creates nothing', async ({
    client,
    assert,
  }) => {
    const { tenant, pkg } = await tenantWithPackage(client)
    const cases: [Record<string, unknown>, string][] = [
      [{ count: 0 }, 'count'],
      [{ count: 10_001 }, 'count'],
      // 9 digits out of 8 cannot hide 5,000 codes well enough.
      [{ count: 5000, charset: 'numeric', length: 4 }, 'length'],
    ]
    for (const [change, field] of cases) {
      const response = await submit(
        client,
        'post',
        '/voucher-batches',
        owner(tenant),
        aBatch(pkg.id, change)
      )
      assert.oneOf(response.status(), [302, 303], JSON.stringify(change))
      const flashed = response.flashMessages() as Record<string, any>
      const errors = { ...flashed.errors, ...flashed.errorsBag, ...flashed.inputErrorsBag }
      assert.property(errors, field, JSON.stringify({ change, flashed }))
    }
    const [{ n }] = await platformDb()
      .from('vouchers')
      .where('tenant_id', tenant.id)
      .count('* as n')
    assert.equal(Number(n), 0)

    // Beyond the plan's max_voucher: the whole batch is refused with a message above the form.
    await overrideLimit(tenant.id, 'max_voucher', 5, { actor: 'super_admin:test' } as never)
    const over = await submit(client, 'post', '/voucher-batches', owner(tenant), aBatch(pkg.id))
    const overFlash = over.flashMessages() as Record<string, any>
    assert.match(String({ ...overFlash.errors, ...overFlash.errorsBag }.form), /5/)
    await overrideLimit(tenant.id, 'max_voucher', null, { actor: 'super_admin:test' } as never)

    const made = await submit(client, 'post', '/voucher-batches', owner(tenant), aBatch(pkg.id))
    assert.oneOf(made.status(), [302, 303])
    assert.match(made.header('location') ?? '', /^\/vouchers\?batchId=[0-9a-f-]{36}$/)
  })

  test('vouchers are disabled, enabled and deleted from the list', async ({ client, assert }) => {
    const { tenant, api, pkg } = await tenantWithPackage(client)
    const batch = (await api.post('/voucher-batches', aBatch(pkg.id, { count: 2 }))).body()
    const [one, two] = (await api.get('/vouchers', { batchId: batch.id })).body().data
    const status = async (id: string) =>
      (await platformDb().from('vouchers').where('id', id).first())?.status

    await submit(client, 'patch', `/vouchers/${one.id}`, owner(tenant), { disabled: true })
    assert.equal(await status(one.id), 'disabled')
    await submit(client, 'patch', `/vouchers/${one.id}`, owner(tenant), { disabled: false })
    assert.equal(await status(one.id), 'unused')
    const bad = await submit(client, 'patch', `/vouchers/${one.id}`, owner(tenant), {
      disabled: 'maybe',
    })
    assert.oneOf(bad.status(), [302, 303])
    assert.equal(await status(one.id), 'unused')

    await submit(client, 'delete', `/vouchers/${two.id}`, owner(tenant))
    assert.isUndefined(await status(two.id))
  })

  test('packages and settings are saved through the panel forms', async ({ client, assert }) => {
    const { tenant } = await tenantWithPackage(client)
    const created = await submit(client, 'post', '/voucher-packages', owner(tenant), {
      name: '1 Hari',
      price: 5000,
      downloadKbps: 3000,
      uploadKbps: 1000,
      validityDays: 1,
      profileName: 'voucher-1h',
    })
    assert.equal(created.header('location'), '/voucher-packages')
    const row = await platformDb()
      .from('voucher_packages')
      .where({ tenant_id: tenant.id, name: '1 Hari' })
      .first()
    assert.equal(row.validity_days, 1)

    const taken = await submit(client, 'patch', `/voucher-packages/${row.id}`, owner(tenant), {
      name: 'Voucher 5K',
    })
    const flashed = taken.flashMessages() as Record<string, any>
    assert.property({ ...flashed.errors, ...flashed.errorsBag }, 'name')

    await submit(client, 'put', '/voucher-settings', owner(tenant), {
      cardTemplate: 'thermal58',
      hotspotLoginUrl: 'http://wifi.rtrw.net',
    })
    const settings = await platformDb()
      .from('voucher_settings')
      .where('tenant_id', tenant.id)
      .first()
    assert.equal(settings.card_template, 'thermal58')
  })

  test('roles: a technician sees no voucher page and cannot generate', async ({
    client,
    assert,
  }) => {
    const { tenant, pkg } = await tenantWithPackage(client)
    const technician = await createMember(tenant, ['technician'])
    for (const url of ['/vouchers', '/voucher-batches', '/voucher-reports', '/voucher-settings']) {
      ;(await visitPage(client, url, technician.headers)).assertStatus(403)
    }
    const refused = await submit(
      client,
      'post',
      '/voucher-batches',
      { headers: technician.headers, userId: technician.id },
      aBatch(pkg.id)
    )
    refused.assertStatus(403)
    const [{ n }] = await platformDb()
      .from('vouchers')
      .where('tenant_id', tenant.id)
      .count('* as n')
    assert.equal(Number(n), 0)
  })

  test('an unknown batch shows the 404 page', async ({ client, assert }) => {
    const { tenant } = await tenantWithPackage(client)
    const response = await visitPage(
      client,
      '/voucher-batches/00000000-0000-4000-8000-000000000000/print',
      tenant.headers
    )
    response.assertStatus(404)
    assert.equal(response.body().component, 'core/errors/not_found')
  })
})
