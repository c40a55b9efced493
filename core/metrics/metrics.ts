import client from 'prom-client'

/**
 * One Prometheus registry per process. Web and worker expose the same
 * families; the `process` label tells them apart in a shared dashboard.
 */
export const registry = new client.Registry()
client.collectDefaultMetrics({ register: registry })

export const httpRequests = new client.Counter({
  name: 'http_requests_total',
  help: 'HTTP requests by method, route pattern and status',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [registry],
})

export const httpDuration = new client.Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration by method and route pattern',
  labelNames: ['method', 'route'] as const,
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
})

export const pluginRequests = new client.Counter({
  name: 'plugin_requests_total',
  help: 'Requests to plugin routes by plugin and outcome (served, disabled)',
  labelNames: ['plugin', 'outcome'] as const,
  registers: [registry],
})

export const queueJobs = new client.Counter({
  name: 'queue_jobs_total',
  help: 'Jobs processed by queue, plugin and outcome (completed, failed, skipped)',
  labelNames: ['queue', 'plugin', 'outcome'] as const,
  registers: [registry],
})

export const queueJobDuration = new client.Histogram({
  name: 'queue_job_duration_seconds',
  help: 'Job run time by plugin and job',
  labelNames: ['plugin', 'job'] as const,
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
  registers: [registry],
})

export const queueDepth = new client.Gauge({
  name: 'queue_jobs_waiting',
  help: 'Jobs by queue and state at scrape time',
  labelNames: ['queue', 'state'] as const,
  registers: [registry],
})
