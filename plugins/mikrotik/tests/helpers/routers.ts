import { Worker, type ConnectionOptions } from 'bullmq'
import type { ApiClient } from '@japa/api-client'
import type { TestContext } from '@japa/runner/core'
import kernel from '#core/services/kernel'
import { platformDb } from '#core/tenancy/tenant_db'
import { createTenant, type TestTenant } from '#tests/helpers/tenants'
import { RouterOsSimulator } from '../../simulator/index.js'

export { closedPort } from './net.js'

export const API_PASSWORD = 'Sandi-Router#2026'

/**
 * A simulated router on an ephemeral loopback port (the OS picks a free one,
 * so parallel runs never collide), with a few customers online. Pass the
 * test's `cleanup` to have it stopped after the test.
 */
export async function startSimulator(
  options: { identity?: string; user?: string; cleanup?: TestContext['cleanup'] } = {}
) {
  const sim = new RouterOsSimulator({
    user: options.user,
    password: API_PASSWORD,
    identity: options.identity ?? 'core-jakarta',
    version: '7.18.2',
    boardName: 'CCR2004-16G-2S+',
  })
  await sim.start()
  options.cleanup?.(() => sim.stop())
  sim.seed({ hotspotActive: 3, pppActive: 2, hotspotUsers: 4, pppSecrets: 3, leases: 5 })
  return sim
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

/**
 * The setup most tests share: a simulator stopped after the test, a tenant
 * with the plugin enabled, and a router of that tenant pointing at it.
 */
export async function routerOnSimulator(
  client: ApiClient,
  cleanup: TestContext['cleanup'],
  options: { identity?: string; router?: Record<string, unknown> } = {}
) {
  const sim = await startSimulator({ identity: options.identity, cleanup })
  const tenant = await createTenant({ plugins: ['mikrotik'] })
  const router = await addRouter(client, tenant, sim.port, options.router)
  return { sim, tenant, router }
}

/**
 * Runs a queued job of the plugin in this process, the way the worker would.
 * The job is removed afterwards unless `keep` (to run it again, or to read
 * its progress).
 */
export async function runJob(jobId: string, options: { keep?: boolean } = {}) {
  const queue = kernel.queue.queue('mikrotik.default')
  const job = await queue.getJob(jobId)
  if (!job) throw new Error(`job ${jobId} is not in the mikrotik queue`)
  const result = await kernel.queue.process('mikrotik.default', job)
  if (!options.keep) await job.remove()
  return result as any
}

/**
 * Lets a real BullMQ worker take the plugin's queue until the job has
 * completed or failed for good, so the job ends in the state the worker
 * records (retries, final failure), not only the handler's outcome.
 */
export async function runInWorker(jobId: string, timeoutMs = 10_000) {
  const queue = kernel.queue.queue('mikrotik.default')
  const worker = new Worker('mikrotik.default', (job) => kernel.queue.process(queue.name, job), {
    connection: {
      ...(queue.opts.connection as object),
      maxRetriesPerRequest: null,
    } as ConnectionOptions,
    prefix: queue.opts.prefix,
  })
  try {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      const state = await (await queue.getJob(jobId))?.getState()
      if (state === 'completed' || state === 'failed') return state
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    throw new Error(`job ${jobId} did not finish within ${timeoutMs} ms`)
  } finally {
    await worker.close()
  }
}

/** Runs `work` with the router timeout lowered, e.g. to test a slow router quickly. */
export async function withRouterTimeout<T>(ms: number, work: () => Promise<T>): Promise<T> {
  const previous = process.env.MIKROTIK_ROUTER_TIMEOUT_MS
  process.env.MIKROTIK_ROUTER_TIMEOUT_MS = String(ms)
  try {
    return await work()
  } finally {
    if (previous === undefined) delete process.env.MIKROTIK_ROUTER_TIMEOUT_MS
    else process.env.MIKROTIK_ROUTER_TIMEOUT_MS = previous
  }
}

export const auditOf = (tenantId: string, action: string) =>
  platformDb()
    .from('audit_logs')
    .where({ tenant_id: tenantId, action })
    .orderBy('id')
    .select('actor', 'subject_id', 'before', 'after')

export const routerRow = (id: string) =>
  platformDb().from('mikrotik_routers').where('id', id).first()

export const syncLogs = (routerId: string) =>
  platformDb()
    .from('mikrotik_sync_logs')
    .where('router_id', routerId)
    .orderBy('id')
    .select('outcome', 'message', 'counts', 'started_at', 'finished_at')
