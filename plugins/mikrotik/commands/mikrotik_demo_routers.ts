import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { registerDemoRouters } from '../demo.js'

/** Points the demo tenants at the routers `mikrotik:simulate` runs. */
export default class MikrotikDemoRouters extends BaseCommand {
  static commandName = 'mikrotik:demo-routers'
  static description = 'Register the simulated demo routers for the demo tenants (idempotent)'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'How many routers', default: 3 })
  declare routers: number

  @flags.number({ description: 'API port of the first router', default: 18728 })
  declare basePort: number

  @flags.string({ description: 'API password of user admin (default DEMO_PASSWORD)' })
  declare password?: string

  @flags.array({ description: 'Demo tenant slugs, routers are dealt to them in turn' })
  declare tenants?: string[]

  async run() {
    const password = this.password ?? process.env.DEMO_PASSWORD
    if (!password) {
      this.logger.error('No password: pass --password or set DEMO_PASSWORD.')
      this.exitCode = 1
      return
    }
    try {
      const routers = await registerDemoRouters({
        password,
        routers: this.routers,
        basePort: this.basePort,
        tenantSlugs: this.tenants?.length ? this.tenants : undefined,
      })
      for (const r of routers) this.logger.success(`${r.tenant}: ${r.name} at ${r.host}:${r.port}`)
    } catch (error) {
      this.logger.error((error as Error).message)
      this.exitCode = 1
    }
  }
}
