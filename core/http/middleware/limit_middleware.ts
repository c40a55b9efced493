import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { assertCanCreate } from '../../tenancy/limits/limit_service.js'
import type { PluginDefinition } from '../../plugins/types.js'

/**
 * "May this tenant create one more?" for a route that creates a counted
 * thing. The check runs in the request's own transaction and takes a lock
 * per tenant and limit, held until that transaction ends: two creates racing
 * for the last slot are serialized, and exactly one gets it.
 */
export function limitCheck(definition: PluginDefinition, limitKey: string) {
  const declaration = definition.limits?.find((l) => l.name === limitKey)
  const table = declaration?.usage?.table
  if (!table) {
    throw new Error(
      `LIMIT_UNDECLARED: plugin "${definition.id}" routes use limit "${limitKey}", which its manifest does not declare with a usage table`
    )
  }
  return async function limitMiddleware(ctx: HttpContext, next: NextFn) {
    const trx = await ctx.tenantDb()
    await assertCanCreate(trx, ctx.tenant!.id, limitKey, async (t) => {
      const [row] = await t.from(table).count('* as total')
      return row.total
    })
    return next()
  }
}
