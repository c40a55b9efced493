import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { presentRouter } from '../models/router_presenter.js'
import { testConnection } from '../actions/router_changes.js'

export default class TestRouterConnection {
  static docs: EndpointDocs = {
    summary: 'Log in to the router with the stored credentials and refresh its status',
    description:
      'Reads /system/resource and /system/identity. A router that is down is an answer, not an error: 200 with ok=false, status offline and the reason.',
    tags: ['mikrotik'],
    responses: {
      200: '{ ok, status, error?: { code, message }, router }',
      404: 'ROUTER_NOT_FOUND',
    },
  }

  async handle(ctx: HttpContext) {
    const { outcome, router } = await testConnection(ctx, ctx.params.id)
    return ctx.response.ok({
      ok: outcome.ok,
      status: outcome.status,
      ...(outcome.ok
        ? {}
        : { error: { code: outcome.error.code, message: outcome.error.message } }),
      router: presentRouter(router),
    })
  }
}
