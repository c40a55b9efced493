import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import encryption from '@adonisjs/core/services/encryption'
import env from '#start/env'
import { platformDb } from '#core/tenancy/tenant_db'
import { renderFreeradiusConfig } from '../freeradius/render_config.js'

/**
 * Writes a complete FreeRADIUS configuration that delegates every decision
 * to this platform, with every tenant's NAS as a client. Run it again after
 * adding a NAS, then reload FreeRADIUS.
 */
export default class RadiusConfig extends BaseCommand {
  static commandName = 'radius:config'
  static description =
    'Generate the FreeRADIUS configuration (rlm_rest to this platform, NAS list as clients)'
  static options: CommandOptions = { startApp: true }

  @flags.string({
    description: 'Folder to write the configuration to',
    default: 'storage/freeradius',
  })
  declare output: string

  @flags.string({ description: 'URL FreeRADIUS uses to reach the platform (default APP_URL)' })
  declare platformUrl?: string

  @flags.number({ description: 'Authentication port', default: 1812 })
  declare authPort: number

  @flags.number({ description: 'Accounting port', default: 1813 })
  declare acctPort: number

  async run() {
    const secret = env.get('RADIUS_API_SECRET')
    if (!secret) {
      this.logger.error(
        'RADIUS_API_SECRET is not set: FreeRADIUS could not prove who it is to the platform.'
      )
      this.exitCode = 1
      return
    }
    const rows = await platformDb()
      .from('radius_nas')
      .join('tenants', 'tenants.id', 'radius_nas.tenant_id')
      .whereNotNull('radius_nas.secret_encrypted')
      .orderBy('tenants.slug')
      .orderBy('radius_nas.name')
      .select(
        'radius_nas.name',
        'radius_nas.ip_address',
        'radius_nas.secret_encrypted',
        'tenants.slug'
      )
    const clients = rows.map((row) => ({
      name: `${row.slug}-${row.name}`.replace(/[^A-Za-z0-9_-]/g, '-'),
      ipaddr: row.ip_address,
      secret: encryption.decrypt<string>(row.secret_encrypted)!,
    }))
    const outputDir = this.app.makePath(this.output)
    await renderFreeradiusConfig({
      outputDir,
      platformUrl: this.platformUrl ?? env.get('APP_URL'),
      secret,
      authPort: this.authPort,
      acctPort: this.acctPort,
      clients,
    })
    this.logger.success(
      `Wrote ${outputDir} with ${clients.length} NAS client(s). Start: freeradius -f -d ${outputDir}`
    )
  }
}
