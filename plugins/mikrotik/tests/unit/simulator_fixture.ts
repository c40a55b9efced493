import net from 'node:net'
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

/** A port nothing listens on: bound once, then released. */
export async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

export async function waitFor(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** Resolves with the rejection so tests can assert on the error itself. */
export async function rejectionOf(promise: Promise<unknown>): Promise<any> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the promise to reject, but it resolved')
}
