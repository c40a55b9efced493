import type { HttpContext } from '@adonisjs/core/http'
import env from '#start/env'
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
    const secret = env.get('RADIUS_API_SECRET') ?? ''
    const platformUrl = env.get('APP_URL') ?? ''
    return ctx.inertia.render('radius/settings/index', {
      settings: await readSettings(trx),
      nas: await listNas(trx),
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
