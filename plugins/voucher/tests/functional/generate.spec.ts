import { test } from '@japa/runner'
import { overrideLimit } from '#core/tenancy/plan_service'
import { platformDb, withTenant } from '#core/tenancy/tenant_db'
import { ApiError } from '#core/http/api_error'
import { generateBatch } from '../../services/batch_generator.js'
import { aBatch, tenantWithPackage } from '../helpers/voucher_api.js'

const admin = { actor: 'super_admin:test' } as never

const countRows = async (table: string, tenantId: string) =>
  Number((await platformDb().from(table).where('tenant_id', tenantId).count('* as n'))[0].n)

test.group('Voucher | batch generation', () => {
  test('a batch makes distinct codes of the asked shape, with who, when and what', async ({
    client,
    assert,
  }) => {
    const { tenant, api, pkg } = await tenantWithPackage(client)
    const response = await api.post(
      '/voucher-batches',
      aBatch(pkg.id, { count: 25, charset: 'upper' })
    )
    response.assertStatus(201)
    const batch = response.body()
    assert.deepInclude(batch, {
      count: 25,
      prefix: 'WF',
      charset: 'upper',
      length: 6,
      mode: 'code',
    })
    assert.equal(batch.createdBy, tenant.owner.id)
    assert.deepEqual(batch.package, { id: pkg.id, name: pkg.name })
    assert.equal(batch.byStatus.unused, 25)

    const list = (await api.get('/vouchers', { batchId: batch.id, perPage: 100 })).body()
    assert.equal(list.meta.total, 25)
    const codes = list.data.map((v: { username: string }) => v.username)
    assert.equal(new Set(codes).size, 25)
    for (const voucher of list.data) {
      assert.match(voucher.username, /^WF[A-HJ-NP-Z]{6}$/)
      assert.equal(voucher.password, voucher.username, 'in code mode the code is both')
      assert.equal(voucher.status, 'unused')
    }
  })

  test('user_pass mode prints a separate password', async ({ client, assert }) => {
    const { api, pkg } = await tenantWithPackage(client)
    const batch = (
      await api.post(
        '/voucher-batches',
        aBatch(pkg.id, { mode: 'user_pass', charset: 'numeric', length: 8 })
      )
    ).body()
    const [voucher] = (await api.get('/vouchers', { batchId: batch.id })).body().data
    assert.match(voucher.password, /^[2-9]{8}$/)
    assert.notEqual(voucher.password, voucher.username)
  })

  test('5,000 vouchers in one request are all distinct', async ({ client, assert }) => {
    const { tenant, api, pkg } = await tenantWithPackage(client)
    const response = await api.post(
      '/voucher-batches',
      aBatch(pkg.id, { count: 5000, prefix: '', charset: 'numeric', length: 8 })
    )
    response.assertStatus(201)
    const [{ total, distinct }] = await platformDb()
      .from('vouchers')
      .where('tenant_id', tenant.id)
      .select(platformDb().raw('count(*)::int AS total, count(DISTINCT username)::int AS distinct'))
    assert.equal(total, 5000)
    assert.equal(distinct, 5000)
  }).timeout(60_000)

  test('a batch that does not fit max_voucher as a whole is refused and writes nothing', async ({
    client,
    assert,
  }) => {
    const { tenant, api, pkg } = await tenantWithPackage(client)
    await overrideLimit(tenant.id, 'max_voucher', 10, admin)
    const tooMany = await api.post('/voucher-batches', aBatch(pkg.id, { count: 11 }))
    tooMany.assertStatus(403)
    assert.equal(tooMany.body().code, 'LIMIT_REACHED')
    assert.include(tooMany.body().message, '11 more do not fit')
    assert.equal(await countRows('vouchers', tenant.id), 0)
    assert.equal(await countRows('voucher_batches', tenant.id), 0)

    ;(await api.post('/voucher-batches', aBatch(pkg.id, { count: 10 }))).assertStatus(201)
    const one = await api.post('/voucher-batches', aBatch(pkg.id, { count: 1 }))
    assert.equal(one.body().code, 'LIMIT_REACHED')
    assert.equal(await countRows('vouchers', tenant.id), 10)
  })

  test('a length too short for the batch is refused, naming the length to use', async ({
    client,
    assert,
  }) => {
    const { tenant, api, pkg } = await tenantWithPackage(client)
    // 8^4 = 4,096 codes cannot keep 5 vouchers 1,000-fold apart.
    const short = await api.post(
      '/voucher-batches',
      aBatch(pkg.id, { count: 5, charset: 'numeric', length: 4 })
    )
    short.assertStatus(422)
    const [error] = short.body().errors
    assert.equal(error.field, 'length')
    assert.include(error.message, 'at least 5')
    assert.equal(await countRows('voucher_batches', tenant.id), 0)
    const fits = await api.post(
      '/voucher-batches',
      aBatch(pkg.id, { count: 4, charset: 'numeric', length: 4 })
    )
    fits.assertStatus(201)
  })

  test('bad shapes are refused field by field', async ({ client, assert }) => {
    const { api, pkg } = await tenantWithPackage(client)
    const cases: [Record<string, unknown>, string][] = [
      [{ count: 0 }, 'count'],
      [{ count: 10_001 }, 'count'],
      [{ prefix: 'wifi' }, 'prefix'],
      [{ prefix: 'TOOLONGPX' }, 'prefix'],
      [{ length: 3 }, 'length'],
      [{ length: 17 }, 'length'],
      [{ charset: 'lower' }, 'charset'],
      [{ mode: 'pin' }, 'mode'],
    ]
    for (const [change, field] of cases) {
      const response = await api.post('/voucher-batches', aBatch(pkg.id, change))
      assert.equal(response.status(), 422, JSON.stringify(change))
      assert.equal(response.body().errors[0].field, field, JSON.stringify(change))
    }
  })

  test('codes that keep colliding roll the whole batch back', async ({ client, assert }) => {
    const { tenant, pkg } = await tenantWithPackage(client)
    const stuck = () => 0 // always the first character: every code is the same
    const error = await withTenant(tenant.id, (trx) =>
      generateBatch(
        trx,
        { tenantId: tenant.id, userId: null },
        aBatch(pkg.id, { count: 3 }) as never,
        stuck
      )
    ).catch((e) => e)
    assert.instanceOf(error, ApiError)
    assert.equal(error.code, 'VOUCHER_CODES_EXHAUSTED')
    assert.include(error.message, 'nothing was created')
    assert.equal(await countRows('voucher_batches', tenant.id), 0, 'the batch row went too')
    assert.equal(await countRows('vouchers', tenant.id), 0, 'the one code that fitted went too')
  })

  test('another tenant cannot see or print the batch', async ({ client, assert }) => {
    const mine = await tenantWithPackage(client)
    const batch = (await mine.api.post('/voucher-batches', aBatch(mine.pkg.id))).body()
    const other = await tenantWithPackage(client)
    for (const path of [
      `/voucher-batches/${batch.id}`,
      `/voucher-batches/${batch.id}/export.csv`,
      `/voucher-batches/${batch.id}/cards.pdf`,
    ]) {
      const response = await other.api.get(path)
      assert.equal(response.status(), 404, path)
      assert.equal(response.body().code, 'VOUCHER_BATCH_NOT_FOUND', path)
    }
    const foreign = await other.api.post('/voucher-batches', aBatch(mine.pkg.id))
    assert.equal(foreign.body().code, 'VOUCHER_PACKAGE_NOT_FOUND')
    assert.equal((await other.api.get('/vouchers')).body().meta.total, 0)
  })
})
