import type { HttpContext } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'
import { ApiError } from '#core/http/api_error'
import { onboardingScriptValidator } from '../../validators.js'
import { findRouter } from '../../models/router_queries.js'
import { adminUserRefusal, envAddress, generateOnboarding } from '../../actions/onboarding.js'
import { renderNotFound } from './panel_support.js'

/**
 * The onboarding script page. The form's values travel in the URL (the
 * RADIUS address and, when the operator gives one, the NAS secret); without
 * a RADIUS address the page shows the form and explains what is needed.
 */
export default class OnboardingPage {
  async handle(ctx: HttpContext) {
    const router = await findRouter(await ctx.tenantDb(), String(ctx.params.id))
    if (!router) return renderNotFound(ctx)

    const wanted = ctx.request.qs()
    const asked = Boolean(wanted.radiusAddress || wanted.generate)
    const form = {
      radiusAddress: String(wanted.radiusAddress ?? envAddress('RADIUS_SERVER_ADDRESS') ?? ''),
      radiusSecret: String(wanted.radiusSecret ?? ''),
      isolirAddress: String(wanted.isolirAddress ?? ''),
      platformAddress: String(wanted.platformAddress ?? ''),
    }
    let result: Awaited<ReturnType<typeof generateOnboarding>> | null = null
    let errors: Record<string, string> = {}
    let blocked: string | null = adminUserRefusal(router)?.message ?? null
    if (asked && !blocked) {
      const values = Object.fromEntries(Object.entries(form).filter(([, v]) => v !== ''))
      try {
        const input = await onboardingScriptValidator.validate(values)
        result = await generateOnboarding(ctx, router, input)
      } catch (error) {
        if (error instanceof vineErrors.E_VALIDATION_ERROR) {
          errors = Object.fromEntries(
            (error.messages as { field: string; message: string }[]).map((m) => [
              m.field,
              m.message,
            ])
          )
        } else if (error instanceof ApiError && error.status < 500) {
          if (error.errors?.length)
            errors = Object.fromEntries(error.errors.map((e) => [e.field, e.message]))
          else blocked = error.message
        } else {
          throw error
        }
      }
    }
    // The script holds the API password and the RADIUS secret: no cache may keep a copy.
    ctx.response.header('cache-control', 'no-store')
    return ctx.inertia.render('mikrotik/onboarding', {
      router: {
        id: router.id,
        name: router.name,
        apiUser: router.api_user,
        port: router.port,
        tls: router.tls,
      },
      form,
      fieldErrors: errors,
      blocked,
      script: result?.script ?? null,
      radiusSecret: result ? result.radiusSecret : null,
      radiusSecretGenerated: result?.radiusSecretGenerated ?? false,
    })
  }
}
