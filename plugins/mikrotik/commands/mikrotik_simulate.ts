import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { RouterOsSimulator } from '../simulator/index.js'

const DEMO_PROFILES = [
  ['paket-5m', '5M/5M'],
  ['paket-10m', '10M/10M'],
  ['paket-20m', '20M/20M'],
  ['isolir', '256k/256k'],
] as const

/**
 * Demo routers on loopback: each a RouterOS API simulator with hotspot and
 * PPPoE customers online and traffic counters moving, so the panel has
 * something live to show without a MikroTik on the desk.
 */
export default class MikrotikSimulate extends BaseCommand {
  static commandName = 'mikrotik:simulate'
  static description =
    'Start simulated MikroTik routers (RouterOS API) with online customers, until Ctrl-C'
  static options: CommandOptions = { startApp: false, staysAlive: true }

  @flags.number({ description: 'How many routers', default: 3 })
  declare routers: number

  @flags.number({
    description: 'API port of the first router; the next ones follow',
    default: 18728,
  })
  declare basePort: number

  @flags.string({ description: 'API password of user admin (default DEMO_PASSWORD)' })
  declare password?: string

  @flags.string({ description: 'Address to listen on', default: '127.0.0.1' })
  declare host: string

  @flags.number({ description: 'Hotspot customers online per router', default: 30 })
  declare hotspot: number

  @flags.number({ description: 'PPPoE customers online per router', default: 20 })
  declare pppoe: number

  #simulators: RouterOsSimulator[] = []

  async run() {
    const password = this.password ?? process.env.DEMO_PASSWORD
    if (!password) {
      this.logger.error('No password: pass --password or set DEMO_PASSWORD.')
      this.exitCode = 1
      return this.terminate()
    }
    if (!Number.isInteger(this.routers) || this.routers < 1 || this.routers > 50) {
      this.logger.error('--routers must be between 1 and 50.')
      this.exitCode = 1
      return this.terminate()
    }
    try {
      for (let i = 0; i < this.routers; i++) await this.#start(i, password)
    } catch (error) {
      const port = this.basePort + this.#simulators.length
      this.logger.error(
        (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
          ? `Port ${port} is already in use: stop what listens there or choose another --base-port.`
          : `Could not start router ${this.#simulators.length + 1}: ${(error as Error).message}`
      )
      this.exitCode = 1
      return this.#stop()
    }
    const table = this.ui
      .table()
      .head(['router', 'address', 'user', 'hotspot online', 'PPPoE online'])
    for (const sim of this.#simulators) {
      table.row([
        sim.state.info.identity,
        `${sim.host}:${sim.port}`,
        sim.user,
        String(sim.rows('/ip/hotspot/active').length),
        String(sim.rows('/ppp/active').length),
      ])
    }
    table.render()
    this.logger.info('Traffic is ticking every second. Press Ctrl-C to stop.')
    process.once('SIGINT', () => void this.#stop())
    process.once('SIGTERM', () => void this.#stop())
  }

  async #start(index: number, password: string) {
    const sim = new RouterOsSimulator({
      host: this.host,
      port: this.basePort + index,
      user: 'admin',
      password,
      identity: `demo-router-${index + 1}`,
      boardName: index % 2 ? 'RB4011iGS+' : 'CCR2004-16G-2S+',
      // A fixed seed per router: the same customers every time the demo starts.
      seed: 1000 + index,
    })
    await sim.start()
    this.#simulators.push(sim)
    sim.seed({
      hotspotUsers: this.hotspot * 2,
      hotspotActive: this.hotspot,
      pppSecrets: this.pppoe + 5,
      pppActive: this.pppoe,
      leases: 15,
      isolir: 3,
    })
    // The packages the seeded customers use, plus isolir, as the onboarding script leaves them.
    for (const [name, rate] of DEMO_PROFILES) {
      sim.state.add('/ppp/profile', { 'name': name, 'rate-limit': rate })
      sim.state.add('/ip/hotspot/user/profile', { 'name': name, 'rate-limit': rate })
    }
    sim.startTraffic(1000)
  }

  async #stop() {
    await Promise.all(this.#simulators.map((sim) => sim.stop()))
    this.#simulators = []
    await this.terminate()
  }
}
