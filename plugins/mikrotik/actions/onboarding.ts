import { randomBytes } from 'node:crypto'
import net from 'node:net'
import type { HttpContext } from '@adonisjs/core/http'
import type { Infer } from '@vinejs/vine/types'
import { ApiError } from '#core/http/api_error'
import type { onboardingScriptValidator } from '../validators.js'
import type { RouterRow } from '../models/router_presenter.js'
import { decryptApiPassword } from '../services/router_secrets.js'
import { auditRouterAction } from '../services/router_audit.js'
import { buildOnboardingScript } from '../services/onboarding_script.js'

export type OnboardingRequest = Infer<typeof onboardingScriptValidator>

/** An environment fallback is only used when it is a plain IP address. */
export function envAddress(name: string): string | undefined {
  const value = process.env[name]?.trim()
  return value && net.isIP(value) ? value : undefined
}

/** The script moves its user into a restricted group: doing that to admin would lock the operator out. */
export function adminUserRefusal(router: RouterRow): ApiError | null {
  if (router.api_user.toLowerCase() !== 'admin') return null
  return new ApiError(
    409,
    'ROUTER_ADMIN_USER',
    `Router "${router.name}" is saved with the admin account. Give the platform its own user: edit the router (PATCH apiUser, e.g. isp-platform, and a new apiPassword), then fetch the script again.`
  )
}

/**
 * The onboarding script for a router, for the API and the panel page. It
 * holds the API password and the RADIUS secret: callers must keep it out of
 * every cache, and its generation is audited (without either secret).
 */
export async function generateOnboarding(
  ctx: HttpContext,
  router: RouterRow,
  input: OnboardingRequest
) {
  const refusal = adminUserRefusal(router)
  if (refusal) throw refusal
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
  const isolirAddress = input.isolirAddress ?? envAddress('ISOLIR_PAGE_ADDRESS') ?? radiusAddress
  const script = buildOnboardingScript({
    routerName: router.name,
    apiUser: router.api_user,
    apiPassword: decryptApiPassword(router),
    apiPort: router.port,
    tls: router.tls,
    radiusAddress,
    radiusSecret,
    isolirAddress,
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
  return { script, radiusSecretGenerated, radiusSecret, radiusAddress, isolirAddress, notes }
}
