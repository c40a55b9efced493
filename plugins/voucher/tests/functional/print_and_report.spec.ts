import { test } from '@japa/runner'
import { parse } from 'csv-parse/sync'
import env from '#start/env'
import { platformDb } from '#core/tenancy/tenant_db'
import { aBatch, tenantWithPackage } from '../helpers/voucher_api.js'

/** Page objects of a PDF (pdfkit writes them uncompressed), excluding the /Pages tree. */
const pages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0

/** Fetched as bytes: the API client would decode the PDF as text. */
async function fetchPdf(path: string, headers: Record<string, string>) {
  const response = await fetch(`http://127.0.0.1:${env.get('PORT')}/api/v1${path}`, { headers })
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    pdf: Buffer.from(await response.arrayBuffer()),
  }
}

test.group('Voucher | cards, CSV, packages and sales', () => {
  test('A4 cards fit 32 a page, each QR opening the hotspot login with its code', async ({
    client,
    assert,
  }) => {
    const { tenant, api, pkg } = await tenantWithPackage(client, {
      hotspotUrl: 'http://wifi.rtrw.test',
    })
    const batch = (await api.post('/voucher-batches', aBatch(pkg.id, { count: 33 }))).body()
    const { status, type, pdf } = await fetchPdf(
      `/voucher-batches/${batch.id}/cards.pdf`,
      tenant.headers
    )
    assert.equal(status, 200)
    assert.equal(type, 'application/pdf')
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-')
    assert.equal(pages(pdf), 2)
    assert.include(pdf.toString('latin1'), '/MediaBox [0 0 595.28 841.89]')
    const [first] = (await api.get('/vouchers', { batchId: batch.id, perPage: 1 })).body().data
    assert.include(
      pdf.toString('latin1'),
      `(http://wifi.rtrw.test/login?username=${first.username}&password=${first.password})`
    )
  })

  test('thermal 58 mm prints one slip per voucher; the query picks the hotspot address', async ({
    client,
    assert,
  }) => {
    const { tenant, api, pkg } = await tenantWithPackage(client)
    const batch = (await api.post('/voucher-batches', aBatch(pkg.id, { count: 3 }))).body()
    const query = 'template=thermal58&hotspotUrl=https%3A%2F%2Fhs.test'
    const { pdf } = await fetchPdf(
      `/voucher-batches/${batch.id}/cards.pdf?${query}`,
      tenant.headers
    )
    assert.equal(pages(pdf), 3)
    assert.include(pdf.toString('latin1'), '/MediaBox [0 0 164.409449 198.425197]')
    assert.include(pdf.toString('latin1'), '(https://hs.test/login?username=WF')
  })

  test('the CSV lists every code of the batch with its package and price', async ({
    client,
    assert,
  }) => {
    const { api, pkg } = await tenantWithPackage(client)
    const batch = (await api.post('/voucher-batches', aBatch(pkg.id, { count: 5 }))).body()
    const response = await api.get(`/voucher-batches/${batch.id}/export.csv`)
    response.assertStatus(200)
    response.assertHeader('cache-control', 'no-store')
    const rows = parse(response.text(), { columns: true }) as Record<string, string>[]
    assert.lengthOf(rows, 5)
    const codes = (await api.get('/vouchers', { batchId: batch.id })).body().data
    assert.sameMembers(
      rows.map((r) => r.username),
      codes.map((v: { username: string }) => v.username)
    )
    assert.deepInclude(rows[0], { package: 'Voucher 5K', price: '5000', status: 'unused' })
  })

  test('a package with vouchers cannot go; an unused voucher can, a used one cannot', async ({
    client,
    assert,
  }) => {
    const { tenant, api, pkg } = await tenantWithPackage(client)
    const batch = (await api.post('/voucher-batches', aBatch(pkg.id, { count: 2 }))).body()
    const inUse = await api.delete(`/voucher-packages/${pkg.id}`)
    inUse.assertStatus(409)
    assert.equal(inUse.body().code, 'VOUCHER_PACKAGE_IN_USE')
    const [a, b] = (await api.get('/vouchers', { batchId: batch.id })).body().data
    await platformDb()
      .from('vouchers')
      .where('id', a.id)
      .update({ status: 'active', first_login_at: new Date() })
    const used = await api.delete(`/vouchers/${a.id}`)
    assert.equal(used.body().code, 'VOUCHER_IN_USE')
    ;(await api.delete(`/vouchers/${b.id}`)).assertStatus(204)
    const left = await platformDb().from('vouchers').where('tenant_id', tenant.id).count('* as n')
    assert.equal(Number(left[0].n), 1)
    const spare = (
      await api.post('/voucher-packages', {
        ...pkg,
        name: 'Spare',
        mikrotik: undefined,
        id: undefined,
        voucherCount: undefined,
        createdAt: undefined,
        updatedAt: undefined,
        quotaBytes: null,
        hotspotUrl: null,
      })
    ).body()
    ;(await api.delete(`/voucher-packages/${spare.id}`)).assertStatus(204)
  })

  test('sales count activated vouchers at their batch price, by day and by package', async ({
    client,
    assert,
  }) => {
    const { api, pkg } = await tenantWithPackage(client)
    const batch = (await api.post('/voucher-batches', aBatch(pkg.id, { count: 4 }))).body()
    const [a, b] = (await api.get('/vouchers', { batchId: batch.id })).body().data
    // 20:00 UTC on the 1st is 03:00 on the 2nd in Jakarta.
    await platformDb()
      .from('vouchers')
      .where('id', a.id)
      .update({ status: 'active', first_login_at: '2025-03-01T20:00:00Z' })
    await platformDb()
      .from('vouchers')
      .where('id', b.id)
      .update({ status: 'used', first_login_at: '2025-03-02T05:00:00Z' })
    await api.patch(`/voucher-packages/${pkg.id}`, { price: 9000 })
    const byDay = (
      await api.get('/voucher-reports/sales', { from: '2025-03-01', to: '2025-03-31' })
    ).body()
    assert.deepEqual(byDay.data, [{ day: '2025-03-02', count: 2, amount: 10_000 }])
    assert.deepEqual(byDay.total, { count: 2, amount: 10_000 })
    const byPackage = (
      await api.get('/voucher-reports/sales', {
        from: '2025-03-01',
        to: '2025-03-01',
        groupBy: 'package',
      })
    ).body()
    assert.deepEqual(byPackage.total, { count: 0, amount: 0 }, 'the 1st in Jakarta sold nothing')
    const backwards = await api.get('/voucher-reports/sales', {
      from: '2025-03-02',
      to: '2025-03-01',
    })
    assert.equal(backwards.status(), 422)
  })
})
