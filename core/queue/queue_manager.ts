import { Queue, Worker, type Job, type ConnectionOptions } from 'bullmq'
import type { Logger } from '@adonisjs/core/logger'
import type { PluginRegistry } from '../plugins/registry.js'
import type { PluginEnablement } from '../plugins/enablement.js'
import type { JobDeclaration, JobHandler } from '../plugins/types.js'
import { queueDepth, queueJobDuration, queueJobs } from '../metrics/metrics.js'

/** Payload of every plugin job: the tenant it works for, and its own data. */
export type JobPayload = { tenantId: string } & Record<string, unknown>

export interface DispatchOptions {
  /** Same id twice → one job (idempotent dispatch) */
  jobId?: string
  delayMs?: number
}

export class QueueError extends Error {
  constructor(
    readonly code: 'JOB_UNKNOWN' | 'JOB_TENANT_MISSING',
    message: string
  ) {
    super(`${code}: ${message}`)
  }
}

const SCHEDULER_QUEUE = 'core.scheduler'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Queues, jobs and schedules that plugins declare in their manifests, on
 * BullMQ. Each plugin queue is `<plugin>.<queue>`. Jobs retry with exponential
 * backoff; failed jobs are kept for inspection (`node ace queue:failed`).
 */
export class QueueManager {
  #queues = new Map<string, Queue>()
  #workers: Worker[] = []
  #jobs = new Map<string, { plugin: string; declaration: JobDeclaration }>()
  #handlers = new Map<string, JobHandler>()

  constructor(
    private registry: PluginRegistry,
    private enablement: PluginEnablement,
    private connection: ConnectionOptions,
    private prefix: string,
    private logger: Logger
  ) {
    for (const { definition } of registry.plugins) {
      for (const job of definition.jobs ?? []) {
        this.#jobs.set(`${definition.id}/${job.name}`, { plugin: definition.id, declaration: job })
      }
    }
  }

  /** Every queue name in use: the scheduler's and each plugin's. */
  queueNames(): string[] {
    const names = new Set<string>([SCHEDULER_QUEUE])
    for (const { plugin, declaration } of this.#jobs.values())
      names.add(`${plugin}.${declaration.queue ?? 'default'}`)
    return [...names].sort()
  }

  queue(name: string): Queue {
    let queue = this.#queues.get(name)
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.prefix })
      queue.on('error', (error) =>
        this.logger.error({ err: error, queue: name }, 'queue connection error')
      )
      this.#queues.set(name, queue)
    }
    return queue
  }

  async dispatch(
    pluginId: string,
    jobName: string,
    payload: JobPayload,
    options: DispatchOptions = {}
  ) {
    const entry = this.#jobs.get(`${pluginId}/${jobName}`)
    if (!entry)
      throw new QueueError('JOB_UNKNOWN', `plugin "${pluginId}" declares no job "${jobName}"`)
    if (typeof payload?.tenantId !== 'string' || !UUID.test(payload.tenantId)) {
      throw new QueueError(
        'JOB_TENANT_MISSING',
        `job "${pluginId}/${jobName}" must carry the tenantId it works for`
      )
    }
    const { declaration } = entry
    return this.queue(`${pluginId}.${declaration.queue ?? 'default'}`).add(jobName, payload, {
      jobId: options.jobId,
      delay: options.delayMs,
      attempts: declaration.attempts ?? 5,
      backoff: { type: 'exponential', delay: declaration.backoffMs ?? 1000 },
      removeOnComplete: { age: 24 * 3600, count: 1000 },
      removeOnFail: false,
    })
  }

  /**
   * Installs each declared schedule as a BullMQ job scheduler on the core
   * scheduler queue. A per-tenant schedule fans out at run time to one job
   * per tenant that has the plugin enabled, so enabling a plugin needs no
   * re-scheduling.
   */
  async syncSchedules() {
    const scheduler = this.queue(SCHEDULER_QUEUE)
    const wanted = new Set<string>()
    for (const { definition } of this.registry.plugins) {
      for (const schedule of definition.schedules ?? []) {
        const id = `${definition.id}/${schedule.job}`
        wanted.add(id)
        await scheduler.upsertJobScheduler(
          id,
          schedule.cron ? { pattern: schedule.cron } : { every: schedule.every! },
          {
            name: 'fan-out',
            data: { plugin: definition.id, job: schedule.job },
            opts: { removeOnFail: false, removeOnComplete: { count: 100 } },
          }
        )
      }
    }
    for (const existing of await scheduler.getJobSchedulers(0, -1)) {
      if (existing.key && !wanted.has(existing.key))
        await scheduler.removeJobScheduler(existing.key)
    }
  }

  /** Dispatches one job per tenant that has the plugin enabled. */
  async fanOut(pluginId: string, jobName: string, runAt: number) {
    const tenants = await this.enablement.tenantsWith(pluginId)
    for (const tenantId of tenants) {
      await this.dispatch(
        pluginId,
        jobName,
        { tenantId },
        { jobId: `${pluginId}.${jobName}.${tenantId}.${runAt}` }
      )
    }
    return tenants.length
  }

  /** Runs one job: skipped when its plugin is disabled for the tenant. */
  async process(queueName: string, job: Job): Promise<unknown> {
    if (queueName === SCHEDULER_QUEUE) {
      const { plugin, job: jobName } = job.data as { plugin: string; job: string }
      return { dispatched: await this.fanOut(plugin, jobName, job.timestamp) }
    }
    const plugin = queueName.slice(0, queueName.indexOf('.'))
    const entry = this.#jobs.get(`${plugin}/${job.name}`)
    if (!entry)
      throw new QueueError('JOB_UNKNOWN', `plugin "${plugin}" declares no job "${job.name}"`)

    const tenantId = (job.data as JobPayload).tenantId
    if (!(await this.enablement.isEnabled(tenantId, plugin))) {
      queueJobs.inc({ queue: queueName, plugin, outcome: 'skipped' })
      this.logger.info(
        { plugin, job: job.name, tenantId, jobId: job.id },
        'job skipped: plugin disabled for tenant'
      )
      return { skipped: 'PLUGIN_DISABLED' }
    }

    const handler = await this.#handler(plugin, entry.declaration)
    const stop = queueJobDuration.startTimer({ plugin, job: job.name })
    try {
      const result = await handler({
        tenantId,
        data: job.data,
        attempt: job.attemptsMade + 1,
        logger: this.logger.child({ plugin, job: job.name, jobId: job.id, tenantId }),
        progress: (value) => job.updateProgress(value),
      })
      queueJobs.inc({ queue: queueName, plugin, outcome: 'completed' })
      return result
    } catch (error) {
      queueJobs.inc({ queue: queueName, plugin, outcome: 'failed' })
      throw error
    } finally {
      stop()
    }
  }

  async #handler(plugin: string, declaration: JobDeclaration) {
    const key = `${plugin}/${declaration.name}`
    let handler = this.#handlers.get(key)
    if (!handler) {
      handler = (await declaration.handler()).default
      this.#handlers.set(key, handler)
    }
    return handler
  }

  /** Starts workers for the given queues (all by default). */
  startWorkers(names = this.queueNames(), concurrency = 5): Worker[] {
    for (const name of names) {
      const declared = this.#declaredConcurrency(name)
      const worker = new Worker(name, (job) => this.process(name, job), {
        connection: {
          ...(this.connection as object),
          maxRetriesPerRequest: null,
        } as ConnectionOptions,
        prefix: this.prefix,
        concurrency: declared ?? concurrency,
      })
      worker.on('failed', (job, error) =>
        this.logger.warn(
          {
            queue: name,
            job: job?.name,
            jobId: job?.id,
            attempts: job?.attemptsMade,
            err: error.message,
          },
          'job failed'
        )
      )
      worker.on('error', (error) => this.logger.error({ queue: name, err: error }, 'worker error'))
      this.#workers.push(worker)
    }
    return this.#workers
  }

  #declaredConcurrency(queueName: string) {
    const [plugin, queue] = queueName.split('.')
    return this.registry.get(plugin)?.definition.queues?.find((q) => q.name === queue)?.concurrency
  }

  /** Failed jobs kept across queues, newest first. */
  async failedJobs(limit = 50) {
    const all = []
    for (const name of this.queueNames()) {
      for (const job of await this.queue(name).getFailed(0, limit - 1)) {
        all.push({
          queue: name,
          id: job.id,
          name: job.name,
          tenantId: (job.data as any)?.tenantId ?? null,
          attempts: job.attemptsMade,
          failedReason: job.failedReason,
          failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
        })
      }
    }
    return all.sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? '')).slice(0, limit)
  }

  async counts() {
    const result: Record<string, Record<string, number>> = {}
    for (const name of this.queueNames()) {
      result[name] = await this.queue(name).getJobCounts(
        'waiting',
        'active',
        'delayed',
        'failed',
        'completed'
      )
      for (const [state, count] of Object.entries(result[name]))
        queueDepth.set({ queue: name, state }, count)
    }
    return result
  }

  /** A round trip through BullMQ's own connection to its backend. */
  async ping() {
    const queue = this.queue(SCHEDULER_QUEUE)
    await queue.waitUntilReady()
    await queue.getJobCounts('waiting')
  }

  /** Lets running jobs finish, then closes workers and queues. */
  async close() {
    await Promise.all(this.#workers.map((w) => w.close()))
    await Promise.all([...this.#queues.values()].map((q) => q.close()))
    this.#workers = []
    this.#queues.clear()
  }
}
