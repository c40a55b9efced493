import type { HttpContext } from '@adonisjs/core/http'
import env from '#start/env'
import kernel from '#core/services/kernel'
import { routerGateway } from '#plugins/mikrotik/contracts'
import { listNas } from '../../models/nas_queries.js'
import { readSettings } from '../../models/settings_queries.js'
import { radiusAbilities } from './panel_support.js'

/**
 * RADIUS settings: how FreeRADIUS reaches the platform (the caller secret is
 * only said to be set, never shown), the NAS list and the isolir behaviour.
 */
export default class SettingsPage {
  async handle(ctx: HttpContext) {
    const trx = await ctx.tenantDb()
    // The fallback router is chosen from the MikroTik module's routers, when it is enabled.
    const [gateway] = await kernel.extensionsFor(routerGateway, ctx.tenant!.id)
    const routers = gateway
      ? await gateway.implementation.routers({ tenantId: ctx.tenant!.id, trx })
      : null
    const secret = env.get('RADIUS_API_SECRET') ?? ''
    const platformUrl = env.get('APP_URL') ?? ''
    return ctx.inertia.render('radius/settings/index', {
      settings: await readSettings(trx),
      nas: await listNas(trx),
      routers: routers?.map(({ id, name }) => ({ id, name })) ?? null,
      freeradius: {
        callerSecretSet: secret.length > 0,
        callerSecretMasked: secret.length > 0 ? '•'.repeat(12) : '',
        secretHeader: 'X-Radius-Secret',
        allowedSources: env.get('RADIUS_ALLOWED_SOURCES') || 'loopback',
        endpoints: ['/radius/auth', '/radius/acct', '/radius/post-auth'].map(
          (path) => `${platformUrl.replace(/\/$/, '')}${path}`
        ),
        command: 'node ace radius:config --output=/etc/freeradius/platform',
      },
      can: radiusAbilities(ctx),
    })
  }
}
