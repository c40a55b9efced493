import { test } from '@japa/runner'
import { platformDb } from '#core/tenancy/tenant_db'
import kernel from '#core/services/kernel'
import type { Job } from 'bullmq'
import { createTenant } from '#tests/helpers/tenants'

/** Waits until a job reaches a final state, or fails the test after `ms`. */
async function settled(job: Job, ms = 10_000): Promise<{ state: string; job: Job }> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    const fresh = await kernel.queue.queue(job.queueName).getJob(job.id!)
    const state = await fresh!.getState()
    // Read the job again: it may have finished between the two reads above.
    if (state === 'completed' || state === 'failed') {
      return { state, job: (await kernel.queue.queue(job.queueName).getJob(job.id!))! }
    }
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error(`job ${job.name} ${job.id} did not settle within ${ms} ms`)
}

const pingsOf = async (tenantId: string) =>
  (await platformDb().from('fixture_base_pings').where('tenant_id', tenantId).select('note')).map(
    (r) => r.note
  )

test.group('Plugin kernel | queue and jobs', (group) => {
  group.setup(async () => {
    for (const name of kernel.queue.queueNames())
      await kernel.queue.queue(name).obliterate({ force: true })
    kernel.queue.startWorkers()
    return () => kernel.queue.close()
  })

  test('a job runs for a tenant that has its plugin enabled', async ({ assert }) => {
    const tenant = await createTenant({ plugins: ['fixture-base'] })
    const job = await kernel.queue.dispatch('fixture-base', 'record-ping', {
      tenantId: tenant.id,
      note: 'queued',
    })
    const { state, job: done } = await settled(job)
    assert.equal(state, 'completed')
    assert.deepEqual(done.returnvalue, { recorded: true })
    assert.deepEqual(await pingsOf(tenant.id), ['queued'])
  })

  test('a job is skipped for a tenant that has its plugin disabled', async ({ assert }) => {
    const tenant = await createTenant({ plugins: ['fixture-other'] })
    const job = await kernel.queue.dispatch('fixture-base', 'record-ping', {
      tenantId: tenant.id,
      note: 'must not run',
    })
    const { state, job: done } = await settled(job)
    assert.equal(state, 'completed')
    assert.deepEqual(done.returnvalue, { skipped: 'PLUGIN_DISABLED' })
    assert.deepEqual(await pingsOf(tenant.id), [])
  })

  test('every job must carry the tenant it works for', async ({ assert }) => {
    await assert.rejects(
      () => kernel.queue.dispatch('fixture-base', 'record-ping', { note: 'x' } as any),
      /JOB_TENANT_MISSING/
    )
    await assert.rejects(
      () =>
        kernel.queue.dispatch('fixture-base', 'no-such-job', {
          tenantId: '00000000-0000-0000-0000-000000000000',
        }),
      /JOB_UNKNOWN/
    )
  })

  test('a failing job retries with exponential backoff and is kept when it gives up', async ({
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['fixture-base'] })
    const job = await kernel.queue.dispatch('fixture-base', 'always-fails', { tenantId: tenant.id })
    const { state, job: done } = await settled(job)
    assert.equal(state, 'failed')
    assert.equal(done.attemptsMade, 3)
    assert.match(done.failedReason, /ROUTER_UNREACHABLE: attempt 3/)
    assert.deepEqual(done.opts.backoff, { type: 'exponential', delay: 20 })

    const failed = await kernel.queue.failedJobs()
    const kept = failed.find((f) => f.id === done.id)
    assert.exists(kept, 'failed job is listed for inspection')
    assert.equal(kept!.tenantId, tenant.id)
    assert.equal(kept!.queue, 'fixture-base.pings')
  })

  test('the same job id dispatched twice runs once', async ({ assert }) => {
    const tenant = await createTenant({ plugins: ['fixture-base'] })
    const first = await kernel.queue.dispatch(
      'fixture-base',
      'record-ping',
      { tenantId: tenant.id, note: 'once' },
      { jobId: `once-${tenant.id}` }
    )
    await kernel.queue.dispatch(
      'fixture-base',
      'record-ping',
      { tenantId: tenant.id, note: 'once' },
      { jobId: `once-${tenant.id}` }
    )
    await settled(first)
    assert.deepEqual(await pingsOf(tenant.id), ['once'])
  })

  test('a per-tenant schedule fans out to exactly the tenants with the plugin enabled', async ({
    assert,
  }) => {
    const withPlugin = await createTenant({ plugins: ['fixture-base'] })
    const without = await createTenant({ plugins: ['fixture-other'] })
    const deactivated = await createTenant({ plugins: ['fixture-base'], status: 'deactivated' })

    await kernel.queue.syncSchedules()
    const schedulers = await kernel.queue.queue('core.scheduler').getJobSchedulers()
    assert.includeMembers(
      schedulers.map((s) => s.key),
      ['fixture-base/record-ping']
    )

    // An interval scheduler runs its first tick at once, then every hour.
    const deadline = Date.now() + 10_000
    while ((await pingsOf(withPlugin.id)).length === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 25))
    await new Promise((r) => setTimeout(r, 300))
    assert.deepEqual(await pingsOf(withPlugin.id), ['scheduled'], 'one tick, one job per tenant')
    assert.deepEqual(await pingsOf(without.id), [])
    assert.deepEqual(await pingsOf(deactivated.id), [])
  })
})
