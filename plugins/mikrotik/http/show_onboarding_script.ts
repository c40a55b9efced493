import { randomBytes } from 'node:crypto'
import net from 'node:net'
import type { HttpContext } from '@adonisjs/core/http'
import { ApiError } from '#core/http/api_error'
import type { EndpointDocs } from '#core/openapi/generator'
import { onboardingScriptValidator } from '../validators.js'
import { findRouterOrFail } from '../models/router_queries.js'
import { decryptApiPassword } from '../services/router_secrets.js'
import { auditRouterAction } from '../services/router_audit.js'
import { buildOnboardingScript } from '../services/onboarding_script.js'

/** An environment fallback is only used when it is a plain IP address. */
function envAddress(name: string): string | undefined {
  const value = process.env[name]?.trim()
  return value && net.isIP(value) ? value : undefined
}

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
    if (router.api_user.toLowerCase() === 'admin') {
      // The script moves its user into a restricted group: doing that to admin would lock the operator out.
      throw new ApiError(
        409,
        'ROUTER_ADMIN_USER',
        `Router "${router.name}" is saved with the admin account. Give the platform its own user: edit the router (PATCH apiUser, e.g. isp-platform, and a new apiPassword), then fetch the script again.`
      )
    }
    const radiusAddress = input.radiusAddress ?? envAddress('RADIUS_SERVER_ADDRESS')
    if (!radiusAddress) {
      throw ApiError.unprocessable([
        {
          field: 'radiusAddress',
          message:
            'radiusAddress is required: the IP address at which this router reaches FreeRADIUS (or set RADIUS_SERVER_ADDRESS)',
          rule: 'required',
        },
      ])
    }
    const radiusSecretGenerated = !input.radiusSecret
    const radiusSecret = input.radiusSecret ?? randomBytes(18).toString('base64url')
    const script = buildOnboardingScript({
      routerName: router.name,
      apiUser: router.api_user,
      apiPassword: decryptApiPassword(router),
      apiPort: router.port,
      tls: router.tls,
      radiusAddress,
      radiusSecret,
      isolirAddress: input.isolirAddress ?? envAddress('ISOLIR_PAGE_ADDRESS') ?? radiusAddress,
      isolirPort: input.isolirPort ?? 80,
      platformAddress: input.platformAddress,
      generatedAt: new Date(),
    })
    const notes = [
      radiusSecretGenerated
        ? `Register this router as a RADIUS client (NAS) with the secret ${radiusSecret}, or FreeRADIUS will ignore it.`
        : 'The RADIUS secret is the one you gave: it must match the NAS entry of this router.',
      'Move the "isp-platform isolir" filter rules above any rule that accepts forwarded traffic.',
    ]
    await auditRouterAction(ctx, {
      action: 'mikrotik.onboarding_script_generated',
      routerId: router.id,
      after: { router: router.name, radiusAddress, radiusSecretGenerated },
    })
    // It holds the API password and the RADIUS secret: no cache may keep a copy.
    response.header('cache-control', 'no-store')
    const wantsText = input.format
      ? input.format === 'text'
      : request.accepts(['application/json', 'text/plain']) === 'text/plain'
    if (wantsText) return response.header('content-type', 'text/plain; charset=utf-8').send(script)
    return response.ok({ script, radiusSecretGenerated, notes })
  }
}
