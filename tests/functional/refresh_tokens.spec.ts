import { test } from '@japa/runner'
import { createHash, randomBytes } from 'node:crypto'
import { ApiError } from '#core/http/api_error'
import refreshTokens, { RefreshTokenService } from '#core/auth/tokens/refresh_tokens'
import { createTenant } from '#tests/helpers/tenants'
import { platformDb } from '#core/tenancy/tenant_db'

const device = { ip: '10.20.30.40', userAgent: 'ISP mobile app 2.1' }
// Inspects every tenant's rows, as the token service itself does.
const db = () => platformDb()

async function createUser(tenantId: string) {
  const [row] = await db()
    .table('users')
    .insert({
      tenant_id: tenantId,
      email: `staff-${randomBytes(5).toString('hex')}@example.test`,
      password: 'not-used-here',
      full_name: 'Budi Santoso',
    })
    .returning('id')
  return row.id as string
}

async function signIn() {
  const tenant = await createTenant()
  const userId = await createUser(tenant.id)
  return { tenant, userId, first: await refreshTokens.issue(userId, tenant.id, device) }
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e) => e
  )
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${error}`)
  return { status: error.status, code: error.code }
}

const familyRows = (familyId: string) =>
  db().from('refresh_tokens').where('family_id', familyId).orderBy('created_at')

test.group('API tokens | refresh token rotation', () => {
  test('a token is swapped for a new one of the same sign-in, and the chain goes on', async ({
    assert,
  }) => {
    const { userId, tenant, first } = await signIn()
    const second = await refreshTokens.rotate(first.token, device)
    assert.notEqual(second.token, first.token)
    assert.match(second.token, /^[\w-]{43}$/)
    assert.containsSubset(second, { familyId: first.familyId, userId, tenantId: tenant.id })
    const days = (second.expiresAt.getTime() - Date.now()) / 86_400_000
    assert.closeTo(days, 30, 0.01)

    const old = await db().from('refresh_tokens').where('id', first.id).first()
    assert.isNotNull(old.used_at)
    assert.equal(old.replaced_by, second.id)

    const third = await refreshTokens.rotate(second.token, device)
    assert.equal(third.familyId, first.familyId)
  })

  test('presenting a used token signs out the whole sign-in, successor included', async ({
    assert,
  }) => {
    const { userId, first } = await signIn()
    const second = await refreshTokens.rotate(first.token, device)

    assert.deepEqual(await refusal(refreshTokens.rotate(first.token, device)), {
      status: 401,
      code: 'REFRESH_TOKEN_REUSED',
    })
    assert.deepEqual(await refusal(refreshTokens.rotate(second.token, device)), {
      status: 401,
      code: 'REFRESH_TOKEN_INVALID',
    })
    const rows = await familyRows(first.familyId)
    assert.lengthOf(rows, 2)
    for (const row of rows) {
      assert.isNotNull(row.revoked_at)
      assert.equal(row.revoked_reason, 'reuse_detected')
    }
    const audit = await db()
      .from('audit_logs')
      .where({ action: 'auth.refresh_token_reused', subject_id: userId })
      .first()
    assert.equal(audit?.after.familyId, first.familyId)
  })

  test('of parallel rotations of one token exactly one succeeds; the rest count as reuse', async ({
    assert,
  }) => {
    const { first } = await signIn()
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => refreshTokens.rotate(first.token, device))
    )
    const succeeded = results.filter((r) => r.status === 'fulfilled')
    const failed = results.filter((r) => r.status === 'rejected')
    assert.lengthOf(succeeded, 1)
    assert.deepEqual(
      failed.map((r) => r.reason.code),
      Array(4).fill('REFRESH_TOKEN_REUSED')
    )
    // Only one successor was ever written.
    assert.lengthOf(await familyRows(first.familyId), 2)
  })

  test('an expired token is refused and stays unused', async ({ assert }) => {
    const tenant = await createTenant()
    const userId = await createUser(tenant.id)
    const monthAgo = new RefreshTokenService({
      clock: () => new Date(Date.now() - 31 * 86_400_000),
    })
    const stale = await monthAgo.issue(userId, tenant.id, device)
    assert.deepEqual(await refusal(refreshTokens.rotate(stale.token, device)), {
      status: 401,
      code: 'REFRESH_TOKEN_INVALID',
    })
    const row = await db().from('refresh_tokens').where('id', stale.id).first()
    assert.isNull(row.used_at)
    assert.isNull(row.revoked_at)
  })

  test('unknown and malformed tokens are refused as invalid', async ({ assert }) => {
    for (const token of [randomBytes(32).toString('base64url'), '', 'short', 'x'.repeat(500)]) {
      assert.equal((await refusal(refreshTokens.rotate(token))).code, 'REFRESH_TOKEN_INVALID')
    }
  })

  test('only the SHA-256 of a token is stored, never the token itself', async ({ assert }) => {
    const { first } = await signIn()
    const second = await refreshTokens.rotate(first.token, device)
    const rows = await db().rawQuery(
      'SELECT token_hash, row_to_json(r)::text AS everything FROM refresh_tokens r WHERE family_id = ?',
      [first.familyId]
    )
    const sha = (t: string) => createHash('sha256').update(t).digest('hex')
    assert.sameMembers(
      rows.rows.map((r: any) => r.token_hash),
      [sha(first.token), sha(second.token)]
    )
    for (const row of rows.rows) {
      assert.notInclude(row.everything, first.token)
      assert.notInclude(row.everything, second.token)
    }
    const stored = await db().from('refresh_tokens').where('id', first.id).first()
    assert.equal(stored.created_ip, device.ip)
    assert.equal(stored.user_agent, device.userAgent)
  })
})

test.group('API tokens | refresh token revocation', () => {
  test('logout ends that sign-in only', async ({ assert }) => {
    const { userId, tenant, first } = await signIn()
    const otherDevice = await refreshTokens.issue(userId, tenant.id, device)
    const current = await refreshTokens.rotate(first.token, device)

    assert.isTrue(await refreshTokens.revokeFamily(current.token))
    assert.equal(
      (await refusal(refreshTokens.rotate(current.token, device))).code,
      'REFRESH_TOKEN_INVALID'
    )
    const rows = await familyRows(first.familyId)
    assert.deepEqual(
      rows.map((r) => r.revoked_reason),
      ['logout', 'logout']
    )
    assert.equal((await refreshTokens.rotate(otherDevice.token, device)).userId, userId)
    assert.isFalse(await refreshTokens.revokeFamily(randomBytes(32).toString('base64url')))
  })

  test("signing a user out everywhere revokes all their sign-ins, nobody else's", async ({
    assert,
  }) => {
    const { userId, tenant, first } = await signIn()
    const laptop = await refreshTokens.issue(userId, tenant.id, device)
    const colleague = await refreshTokens.issue(await createUser(tenant.id), tenant.id, device)

    assert.equal(await refreshTokens.revokeAllForUser(userId, 'password_changed'), 2)
    for (const token of [first.token, laptop.token]) {
      assert.equal(
        (await refusal(refreshTokens.rotate(token, device))).code,
        'REFRESH_TOKEN_INVALID'
      )
    }
    assert.equal((await refreshTokens.rotate(colleague.token, device)).familyId, colleague.familyId)
  })
})
