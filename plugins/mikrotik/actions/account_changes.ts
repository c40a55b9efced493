import type { HttpContext } from '@adonisjs/core/http'
import type { Infer } from '@vinejs/vine/types'
import type { createAccountValidator, updateAccountValidator } from '../validators.js'
import { findRouterOrFail } from '../models/router_queries.js'
import { auditRouterAction } from '../services/router_audit.js'
import { useRouter } from '../services/router_gateway.js'
import { answeringForRouter } from '../services/router_errors.js'
import {
  addAccount,
  removeAccount,
  updateAccount,
  type AccountType,
} from '../services/router_accounts.js'

/**
 * Hotspot users and PPP secrets changed on a router by a person, for the API
 * and the panel. The audit entry names the account and what changed, never
 * its password.
 */
export type CreateAccountInput = Infer<typeof createAccountValidator>
export type UpdateAccountInput = Infer<typeof updateAccountValidator>

export async function createAccount(ctx: HttpContext, routerId: string, input: CreateAccountInput) {
  const router = await findRouterOrFail(await ctx.tenantDb(), routerId)
  const account = await answeringForRouter(router, () =>
    useRouter(router, (client) => addAccount(client, input.type, input))
  )
  await auditRouterAction(ctx, {
    action: 'mikrotik.account_created',
    routerId: router.id,
    after: { router: router.name, type: input.type, name: account.name, profile: input.profile },
  })
  return account
}

export async function changeAccount(
  ctx: HttpContext,
  routerId: string,
  accountId: string,
  input: UpdateAccountInput
) {
  const router = await findRouterOrFail(await ctx.tenantDb(), routerId)
  const { type, ...fields } = input
  const { before, after } = await answeringForRouter(router, () =>
    useRouter(router, (client) => updateAccount(client, type, accountId, fields))
  )
  const changed = Object.keys(fields).filter(
    (field) => fields[field as keyof typeof fields] !== undefined
  )
  await auditRouterAction(ctx, {
    action: 'mikrotik.account_updated',
    routerId: router.id,
    before: { type, name: before.name, profile: before.profile, disabled: before.disabled },
    after: {
      router: router.name,
      type,
      name: after.name,
      profile: after.profile,
      disabled: after.disabled,
      changed: changed.map((field) => (field === 'password' ? 'password (replaced)' : field)),
    },
  })
  return after
}

export async function deleteAccount(
  ctx: HttpContext,
  routerId: string,
  accountId: string,
  type: AccountType
) {
  const router = await findRouterOrFail(await ctx.tenantDb(), routerId)
  const removed = await answeringForRouter(router, () =>
    useRouter(router, (client) => removeAccount(client, type, accountId))
  )
  await auditRouterAction(ctx, {
    action: 'mikrotik.account_deleted',
    routerId: router.id,
    before: { router: router.name, type, name: removed.name, profile: removed.profile },
  })
  return removed
}
