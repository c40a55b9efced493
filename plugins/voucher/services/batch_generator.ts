import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ApiError } from '#core/http/api_error'
import { assertCanCreate } from '#core/tenancy/limits/limit_service'
import {
  codeSpace,
  minimumLength,
  randomCode,
  SPACE_PER_CODE,
  secureIndex,
  uniqueCodes,
  type CharsetName,
  type RandomIndex,
} from './code_generator.js'
import { findVoucherPackageOrFail } from './package_queries.js'
import { assertCanPush, queueBatchPush } from './batch_push.js'
import { readVoucherSettings, type Delivery } from './voucher_settings.js'

export interface BatchInput {
  packageId: string
  count: number
  prefix?: string
  charset: CharsetName
  length: number
  mode: 'code' | 'user_pass'
  routerId?: string | null
  /** Defaults to the tenant's setting */
  delivery?: Delivery
}

/** Codes per INSERT: two array parameters whatever the count, so one statement per batch chunk. */
const CHUNK = 5000
/** Rounds of regenerating codes that another voucher already had before giving up. */
const RETRIES = 5

const countVouchers = async (trx: TransactionClientContract) =>
  (await trx.from('vouchers').count('* as n'))[0].n

/**
 * Refuses a shape whose code space would make codes guessable or collisions
 * frequent: the space must hold SPACE_PER_CODE times every code of the same
 * shape (prefix and total length) the tenant has plus the new ones.
 */
async function assertRoomForCodes(trx: TransactionClientContract, input: BatchInput) {
  const prefix = input.prefix ?? ''
  const [{ n }] = await trx
    .from('vouchers')
    .whereRaw('left(username, ?) = ?', [prefix.length, prefix])
    .whereRaw('char_length(username) = ?', [prefix.length + input.length])
    .count('* as n')
  const issued = Number(n) + input.count
  if (codeSpace(input.charset, input.length) >= SPACE_PER_CODE * issued) return
  const suggestion = minimumLength(input.charset, issued)
  throw ApiError.unprocessable(
    [
      {
        field: 'length',
        message: suggestion
          ? `${input.length} ${input.charset} characters leave too few codes for ${issued} vouchers to stay hard to guess. Use a length of at least ${suggestion}, or a larger charset.`
          : `No length up to 16 leaves enough ${input.charset} codes for ${issued} vouchers; use the alnum charset or another prefix.`,
        rule: 'codeSpace',
      },
    ],
    'The codes would be too easy to guess or collide'
  )
}

/** A PostgreSQL array literal (query bindings would spread a JS array into separate values). */
const textArray = (values: string[]) =>
  `{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`

/**
 * Inserts codes in chunks, each one statement whose codes travel as two
 * arrays (`unnest`), not as thousands of bound parameters. A code another
 * voucher already has is skipped by the unique index (ON CONFLICT DO
 * NOTHING, so the transaction stays usable) and regenerated next round.
 */
async function insertCodes(
  trx: TransactionClientContract,
  base: { tenant_id: string; batch_id: string; package_id: string },
  input: BatchInput,
  random: RandomIndex
) {
  const taken = new Set<string>()
  let missing = input.count
  for (let round = 0; round <= RETRIES && missing > 0; round++) {
    const codes = uniqueCodes(missing, { ...input, prefix: input.prefix ?? '', random }, taken)
    for (const code of codes) taken.add(code)
    for (let i = 0; i < codes.length; i += CHUNK) {
      const usernames = codes.slice(i, i + CHUNK)
      // In user_pass mode the password is a second random code of the same shape, without prefix.
      const passwords =
        input.mode === 'code'
          ? usernames
          : usernames.map(() => randomCode(input.charset, input.length, random))
      const result = await trx.rawQuery(
        `INSERT INTO vouchers (tenant_id, batch_id, package_id, username, password)
         SELECT ?, ?, ?, code.username, code.password
         FROM unnest(?::text[], ?::text[]) AS code (username, password)
         ON CONFLICT (tenant_id, username) DO NOTHING`,
        [base.tenant_id, base.batch_id, base.package_id, textArray(usernames), textArray(passwords)]
      )
      missing -= result.rowCount ?? 0
    }
  }
  if (missing > 0) {
    throw new ApiError(
      409,
      'VOUCHER_CODES_EXHAUSTED',
      `${missing} of ${input.count} codes kept colliding with existing vouchers; nothing was created. Use a longer length or another prefix.`
    )
  }
}

/**
 * Creates a batch and all its vouchers in the caller's tenant transaction,
 * or nothing: the limit is checked for the whole batch first (under the
 * limit's lock), and any failure rolls everything back with the request.
 * With push delivery the batch is also queued for its router, last, so a
 * router that is not the tenant's refuses the batch as a whole.
 */
export async function generateBatch(
  trx: TransactionClientContract,
  context: { tenantId: string; userId: string | null },
  input: BatchInput,
  random: RandomIndex = secureIndex
) {
  const pkg = await findVoucherPackageOrFail(trx, input.packageId)
  if (!pkg.active) {
    throw ApiError.unprocessable([
      {
        field: 'packageId',
        message: `"${pkg.name}" is inactive; activate it before generating vouchers for it`,
        rule: 'active',
      },
    ])
  }
  const settings = await readVoucherSettings(trx)
  const delivery = input.delivery ?? settings.delivery
  const routerId = input.routerId ?? settings.defaultRouterId
  const gateway = delivery === 'push' ? await assertCanPush(context.tenantId, routerId) : null
  await assertCanCreate(trx, context.tenantId, 'max_voucher', countVouchers, input.count)
  await assertRoomForCodes(trx, input)
  const [batch] = await trx
    .table('voucher_batches')
    .insert({
      tenant_id: context.tenantId,
      package_id: pkg.id,
      count: input.count,
      price: pkg.price,
      prefix: input.prefix ?? '',
      charset: input.charset,
      length: input.length,
      mode: input.mode,
      router_id: routerId ?? null,
      delivery,
      created_by: context.userId,
    })
    .returning(['id'])
  const base = { tenant_id: context.tenantId, batch_id: batch.id, package_id: pkg.id }
  await insertCodes(trx, base, input, random)
  if (gateway) {
    await queueBatchPush(trx, gateway, {
      tenantId: context.tenantId,
      actor: context.userId ? `user:${context.userId}` : 'system:voucher',
      batchId: batch.id,
      routerId: routerId!,
      profile: pkg.profile_name,
      durationMinutes: pkg.duration_minutes,
      comment: `voucher ${pkg.name}`.slice(0, 100),
    })
  }
  return batch.id as string
}
