import type { TestContext } from '@japa/runner/core'
import { connect } from '../../routeros/client.js'
import type { RouterConnectOptions } from '../../routeros/types.js'
import { RouterOsSimulator, type SimulatorOptions } from '../../simulator/simulator.js'

export type Cleanup = TestContext['cleanup']

export const PASSWORD = 'rahasia-123'

export async function startSimulator(cleanup: Cleanup, options: SimulatorOptions = {}) {
  const sim = new RouterOsSimulator({ password: PASSWORD, ...options })
  await sim.start()
  cleanup(() => sim.stop())
  return sim
}

export function loginOptions(
  sim: RouterOsSimulator,
  overrides: Partial<RouterConnectOptions> = {}
): RouterConnectOptions {
  return {
    host: '127.0.0.1',
    port: sim.port,
    user: 'admin',
    password: PASSWORD,
    tls: sim.tls,
    timeoutMs: 3000,
    ...overrides,
  }
}

export async function connectTo(
  sim: RouterOsSimulator,
  cleanup: Cleanup,
  overrides: Partial<RouterConnectOptions> = {}
) {
  const client = await connect(loginOptions(sim, overrides))
  cleanup(() => client.close())
  return client
}

/** A loopback port nothing listens on (the unit tests' name for it). */
export { closedPort as freePort, rejectionOf, waitFor } from '../helpers/net.js'
