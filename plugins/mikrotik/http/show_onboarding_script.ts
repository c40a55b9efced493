import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { onboardingScriptValidator } from '../validators.js'
import { findRouterOrFail } from '../models/router_queries.js'
import { generateOnboarding } from '../actions/onboarding.js'

export default class ShowOnboardingScript {
  static docs: EndpointDocs = {
    summary: 'RouterOS script that prepares a new router for the platform',
    description:
      'API group and user with least privilege, API service, RADIUS client (hotspot, PPPoE, CoA), and the isolir address-list redirect. JSON { script, radiusSecretGenerated, notes } by default; text/plain with Accept: text/plain or format=text. Contains the router API password: send it only to the router.',
    tags: ['mikrotik'],
    query: onboardingScriptValidator,
    responses: {
      200: '{ script, radiusSecretGenerated, notes } or the script as text/plain',
      404: 'ROUTER_NOT_FOUND',
      409: 'ROUTER_ADMIN_USER: the router is saved with the admin account',
      422: 'A value that is not safe in a RouterOS script, or no RADIUS address',
    },
  }

  async handle(ctx: HttpContext) {
    const { request, response, params } = ctx
    const input = await request.validateUsing(onboardingScriptValidator)
    const router = await findRouterOrFail(await ctx.tenantDb(), params.id)
    const { script, radiusSecretGenerated, notes } = await generateOnboarding(ctx, router, input)
    // It holds the API password and the RADIUS secret: no cache may keep a copy.
    response.header('cache-control', 'no-store')
    const wantsText = input.format
      ? input.format === 'text'
      : request.accepts(['application/json', 'text/plain']) === 'text/plain'
    if (wantsText) return response.header('content-type', 'text/plain; charset=utf-8').send(script)
    return response.ok({ script, radiusSecretGenerated, notes })
  }
}
