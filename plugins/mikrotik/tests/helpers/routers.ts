import net from 'node:net'
import type { ApiClient } from '@japa/api-client'
import kernel from '#core/services/kernel'
import { RouterOsSimulator } from '../../simulator/index.js'
import type { TestTenant } from '#tests/helpers/tenants'

export const API_PASSWORD = 'Sandi-Router#2026'

/** A simulated router on an ephemeral loopback port, with a few customers online. */
export async function startSimulator(options: { identity?: string } = {}) {
  const sim = new RouterOsSimulator({
    password: API_PASSWORD,
    identity: options.identity ?? 'core-jakarta',
    version: '7.18.2',
    boardName: 'CCR2004-16G-2S+',
  })
  await sim.start()
  sim.seed({ hotspotActive: 3, pppActive: 2, hotspotUsers: 4, pppSecrets: 3, leases: 5 })
  return sim
}

/** A port nothing listens on: bound once, then released. */
export async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

let serial = 0
export function routerBody(port: number, overrides: Record<string, unknown> = {}) {
  serial++
  return {
    name: `router-${serial}-${Date.now().toString(36)}`,
    host: '127.0.0.1',
    port,
    apiUser: 'admin',
    apiPassword: API_PASSWORD,
    ...overrides,
  }
}

/** Adds a router through the API, as a user would, and returns its JSON. */
export async function addRouter(
  client: ApiClient,
  tenant: Pick<TestTenant, 'headers'>,
  port: number,
  overrides: Record<string, unknown> = {}
) {
  const response = await client
    .post('/api/v1/routers')
    .headers(tenant.headers)
    .json(routerBody(port, overrides))
  if (response.status() !== 201) {
    throw new Error(`adding a router failed: ${response.status()} ${response.text()}`)
  }
  return response.body() as { id: string; name: string } & Record<string, any>
}

/** Runs a queued job of the plugin in this process, the way the worker would. */
export async function runJob(jobId: string) {
  const queue = kernel.queue.queue('mikrotik.default')
  const job = await queue.getJob(jobId)
  if (!job) throw new Error(`job ${jobId} is not in the mikrotik queue`)
  const result = await kernel.queue.process('mikrotik.default', job)
  await job.remove()
  return result as any
}
