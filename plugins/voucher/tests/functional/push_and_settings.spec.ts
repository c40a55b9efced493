import { test } from '@japa/runner'
import drive from '@adonisjs/drive/services/main'
import env from '#start/env'
import kernel from '#core/services/kernel'
import { platformDb } from '#core/tenancy/tenant_db'
import { createMember, createTenant } from '#tests/helpers/tenants'
import { RouterOsSimulator } from '#plugins/mikrotik/simulator/index'
import { aBatch, aVoucherPackage, voucherApi } from '../helpers/voucher_api.js'

const ROUTER_PASSWORD = 'Sandi-Router#2026'

/** Runs a queued job in this process, as the worker would, leaving it in its queue. */
async function work(jobId: string) {
  for (const name of kernel.queue.queueNames()) {
    const job = await kernel.queue.queue(name).getJob(jobId)
    if (job) return kernel.queue.process(name, job) as Promise<any>
  }
  throw new Error(`job ${jobId} is not queued`)
}

async function removeJob(jobId: string) {
  for (const name of kernel.queue.queueNames())
    await (await kernel.queue.queue(name).getJob(jobId))?.remove()
}

test.group('Voucher | settings', () => {
  test('the defaults until saved; a PUT changes only what it names, audited', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['radius', 'voucher'] })
    const api = voucherApi(client, tenant.headers)
    const first = await api.get('/voucher-settings')
    first.assertStatus(200)
    assert.deepEqual(first.body(), {
      delivery: 'radius',
      defaultRouterId: null,
      hotspotServer: null,
      hotspotLoginUrl: null,
      cardTemplate: 'a4',
      useLogo: false,
    })
    const saved = await client
      .put('/api/v1/voucher-settings')
      .headers(tenant.headers)
      .json({ hotspotLoginUrl: 'http://wifi.rtrw.net', cardTemplate: 'thermal58' })
    saved.assertStatus(200)
    assert.equal(saved.body().cardTemplate, 'thermal58')
    const again = await client
      .put('/api/v1/voucher-settings')
      .headers(tenant.headers)
      .json({ useLogo: true })
    assert.deepInclude(again.body(), {
      hotspotLoginUrl: 'http://wifi.rtrw.net',
      cardTemplate: 'thermal58',
      useLogo: true,
    })
    const audit = await platformDb()
      .from('audit_logs')
      .where({ tenant_id: tenant.id, action: 'voucher_settings.updated' })
    assert.lengthOf(audit, 2)
  })

  test('bad values are refused field by field and change nothing', async ({ client, assert }) => {
    const tenant = await createTenant({ plugins: ['radius', 'voucher'] })
    const response = await client.put('/api/v1/voucher-settings').headers(tenant.headers).json({
      delivery: 'carrier-pigeon',
      hotspotLoginUrl: 'javascript:alert(1)',
      cardTemplate: 'a5',
      defaultRouterId: 'router-1',
      hotspotServer: 'hs 1',
    })
    response.assertStatus(422)
    const fields = response
      .body()
      .errors.map((e: { field: string }) => e.field)
      .sort()
    assert.deepEqual(fields, [
      'cardTemplate',
      'defaultRouterId',
      'delivery',
      'hotspotLoginUrl',
      'hotspotServer',
    ])
    assert.notExists(
      await platformDb().from('voucher_settings').where('tenant_id', tenant.id).first()
    )
  })

  test('a technician can neither read nor change the settings', async ({ client }) => {
    const tenant = await createTenant({ plugins: ['radius', 'voucher'] })
    const technician = await createMember(tenant, ['technician'])
    ;(await client.get('/api/v1/voucher-settings').headers(technician.headers)).assertStatus(403)
    const change = { cardTemplate: 'thermal58' }
    ;(
      await client.put('/api/v1/voucher-settings').headers(technician.headers).json(change)
    ).assertStatus(403)
  })

  test('the cards follow the settings: 58 mm by default, QR to the login address', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['radius', 'voucher'] })
    const api = voucherApi(client, tenant.headers)
    const pkg = (await api.post('/voucher-packages', aVoucherPackage())).body()
    const batch = (await api.post('/voucher-batches', aBatch(pkg.id, { count: 3 }))).body()
    const fetchPdf = async () => {
      const response = await fetch(
        `http://127.0.0.1:${env.get('PORT')}/api/v1/voucher-batches/${batch.id}/cards.pdf`,
        { headers: tenant.headers }
      )
      return {
        status: response.status,
        pdf: Buffer.from(await response.arrayBuffer()).toString('latin1'),
      }
    }
    const pages = (pdf: string) => pdf.match(/\/Type \/Page\b(?!s)/g)?.length ?? 0
    const a4 = await fetchPdf()
    assert.equal(pages(a4.pdf), 1, 'three cards fit one A4 page')
    await client
      .put('/api/v1/voucher-settings')
      .headers(tenant.headers)
      .json({ cardTemplate: 'thermal58', hotspotLoginUrl: 'http://login.rtrw.net' })
    const slips = await fetchPdf()
    assert.equal(slips.status, 200)
    // One 58 mm slip per card, and the QR opens the login page from the settings.
    assert.equal(pages(slips.pdf), 3)
    assert.include(slips.pdf, '/MediaBox [0 0 164.409449 198.425197]')
    assert.include(slips.pdf, '(http://login.rtrw.net/login?username=WF')
  })
})

test.group('Voucher | logo on cards', () => {
  test('with the setting on, the uploaded logo is printed on the cards', async ({
    client,
    assert,
    cleanup,
  }) => {
    const tenant = await createTenant({ plugins: ['radius', 'voucher'] })
    const api = voucherApi(client, tenant.headers)
    const pkg = (await api.post('/voucher-packages', aVoucherPackage())).body()
    const batch = (await api.post('/voucher-batches', aBatch(pkg.id, { count: 2 }))).body()
    // A 1×1 PNG, stored where the tenant settings put uploaded logos.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64'
    )
    const key = `tenants/${tenant.id}/logo-test.png`
    await drive.use().put(key, png)
    cleanup(() => drive.use().delete(key))
    await platformDb().from('tenants').where('id', tenant.id).update({ logo_path: key })
    const images = async () => {
      const response = await fetch(
        `http://127.0.0.1:${env.get('PORT')}/api/v1/voucher-batches/${batch.id}/cards.pdf`,
        { headers: tenant.headers }
      )
      return Buffer.from(await response.arrayBuffer())
        .toString('latin1')
        .includes('/Subtype /Image')
    }
    assert.isFalse(await images(), 'off by default')
    await client.put('/api/v1/voucher-settings').headers(tenant.headers).json({ useLogo: true })
    assert.isTrue(await images())
  })
})

test.group('Voucher | push to a router', (group) => {
  let sim: RouterOsSimulator
  group.each.setup(async () => {
    sim = new RouterOsSimulator({ password: ROUTER_PASSWORD, identity: 'hs-kampung' })
    await sim.start()
    sim.state.add('/ip/hotspot/user/profile', { name: 'voucher-5k' })
    return () => sim.stop()
  })

  async function tenantWithRouter(client: any) {
    const tenant = await createTenant({ plugins: ['radius', 'voucher', 'mikrotik'] })
    const router = await client.post('/api/v1/routers').headers(tenant.headers).json({
      name: 'hs-kampung',
      host: '127.0.0.1',
      port: sim.port,
      apiUser: 'admin',
      apiPassword: ROUTER_PASSWORD,
    })
    router.assertStatus(201)
    const api = voucherApi(client, tenant.headers)
    const pkg = (await api.post('/voucher-packages', aVoucherPackage())).body()
    return { tenant, api, pkg, routerId: router.body().id as string }
  }

  test('with push on, a generated batch lands on the router as hotspot users; a rerun adds none', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { tenant, api, pkg, routerId } = await tenantWithRouter(client)
    await client
      .put('/api/v1/voucher-settings')
      .headers(tenant.headers)
      .json({ delivery: 'push', defaultRouterId: routerId })

    const created = await api.post('/voucher-batches', aBatch(pkg.id, { count: 60 }))
    created.assertStatus(201)
    const batch = created.body()
    assert.equal(batch.delivery, 'push')
    assert.equal(batch.routerId, routerId)
    assert.isString(batch.pushJobId)
    cleanup(() => removeJob(batch.pushJobId))
    assert.equal((await api.get(`/voucher-batches/${batch.id}`)).body().push.state, 'queued')

    const result = await work(batch.pushJobId)
    assert.deepInclude(result, { total: 60, created: 60, skipped: 0 })
    const onRouter = () => sim.rows('/ip/hotspot/user').filter((row) => row.name.startsWith('WF'))
    assert.lengthOf(onRouter(), 60)
    const codes = (await api.get('/vouchers', { batchId: batch.id, perPage: 100 })).body().data
    const first = onRouter().find((row) => row.name === codes[0].username)!
    assert.equal(first.password, codes[0].password)
    assert.equal(first.profile, 'voucher-5k')
    assert.equal(first['limit-uptime'], '5h')

    const shown = (await api.get(`/voucher-batches/${batch.id}`)).body().push
    assert.deepInclude(shown, { done: 60, total: 60, percent: 100 })

    // The worker retries the job (a crash, a redeploy): nothing is added twice.
    const rerun = await work(batch.pushJobId)
    assert.deepInclude(rerun, { total: 60, created: 0, skipped: 60 })
    assert.lengthOf(onRouter(), 60)
    assert.lengthOf(new Set(onRouter().map((row) => row.name)), 60)
  })

  test('push without a router, or to another tenant’s router, creates nothing', async ({
    client,
    assert,
  }) => {
    const { tenant, api, pkg } = await tenantWithRouter(client)
    const noRouter = await api.post('/voucher-batches', aBatch(pkg.id, { delivery: 'push' }))
    noRouter.assertStatus(422)
    assert.equal(noRouter.body().errors[0].field, 'routerId')

    const other = await tenantWithRouter(client)
    const foreign = await api.post(
      '/voucher-batches',
      aBatch(pkg.id, { delivery: 'push', routerId: other.routerId })
    )
    foreign.assertStatus(422)
    assert.equal(foreign.body().errors[0].field, 'routerId')
    const [{ n }] = await platformDb()
      .from('vouchers')
      .where('tenant_id', tenant.id)
      .count('* as n')
    assert.equal(Number(n), 0)
  })

  test('push needs the MikroTik plugin: without it the batch is refused on delivery', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['radius', 'voucher'] })
    const api = voucherApi(client, tenant.headers)
    const pkg = (await api.post('/voucher-packages', aVoucherPackage())).body()
    const response = await api.post(
      '/voucher-batches',
      aBatch(pkg.id, { delivery: 'push', routerId: '00000000-0000-4000-8000-000000000000' })
    )
    response.assertStatus(422)
    assert.equal(response.body().errors[0].field, 'delivery')
    assert.match(response.body().errors[0].message, /needs the MikroTik plugin/)

    // The plugin's own translations (plugins/voucher/lang) reach an Indonesian client.
    const inIndonesian = await client
      .post('/api/v1/voucher-batches')
      .headers({ ...tenant.headers, 'accept-language': 'id' })
      .json(aBatch(pkg.id, { delivery: 'push', routerId: '00000000-0000-4000-8000-000000000000' }))
    inIndonesian.assertStatus(422)
    assert.match(inIndonesian.body().errors[0].message, /membutuhkan modul MikroTik/)
  })
})
