import type { HttpContext } from '@adonisjs/core/http'
import { RouterError } from '../../routeros/index.js'
import { pushPageValidator } from '../../validators.js'
import { findRouter } from '../../models/router_queries.js'
import { useRouter } from '../../services/router_gateway.js'
import { routerApiError } from '../../services/router_errors.js'
import { readProfiles } from '../../services/router_accounts.js'
import { hotspotPushProgress } from '../../services/push_progress.js'
import { renderNotFound, routerAbilities, takeNotice } from './panel_support.js'

/**
 * The voucher push page: a list of hotspot users to add to the router, and
 * the progress of the push the worker runs. The page polls the `push` prop
 * while the push is under way.
 */
export default class PushPage {
  async handle(ctx: HttpContext) {
    const router = await findRouter(await ctx.tenantDb(), String(ctx.params.id))
    if (!router) return renderNotFound(ctx)
    const [invalid, parsed] = await ctx.request.tryValidateUsing(pushPageValidator)
    const batchId = invalid ? undefined : parsed.batch

    let profiles: { name: string; rateLimit: string | null }[] = []
    let liveError: { code: string; message: string } | null = null
    try {
      profiles = (await useRouter(router, readProfiles)).hotspot
    } catch (error) {
      if (!(error instanceof RouterError)) throw error
      liveError = { code: error.code, message: routerApiError(router, error).message }
    }

    return ctx.inertia.render('mikrotik/push', {
      router: { id: router.id, name: router.name, status: router.status },
      profiles,
      liveError,
      push: batchId ? await hotspotPushProgress(ctx.tenant!.id, batchId, router.id) : null,
      batchId: batchId ?? null,
      notice: takeNotice(ctx),
      can: routerAbilities(ctx),
    })
  }
}
