import { test } from '@japa/runner'
import kernel from '#core/services/kernel'
import { createTenant } from '#tests/helpers/tenants'
import { addRouter, closedPort, routerOnSimulator, runJob } from '../helpers/routers.js'
import { gatewayFor, rejectionOf } from '../helpers/gateway.js'

const QUEUE = 'mikrotik.default'
const ADD = '/ip/hotspot/user/add'

function vouchers(count: number, prefix: string) {
  return Array.from({ length: count }, (_, i) => ({
    name: `${prefix}${String(i + 1).padStart(3, '0')}`,
    password: `pw${i + 1}`,
    profile: 'voucher-3h',
    limitUptime: '3h',
    comment: 'batch nov-24',
  }))
}

/** Runs the queued job in this process, as the worker would, leaving it in the queue. */
const work = (jobId: string) => runJob(jobId, { keep: true })

test.group('MikroTik | push-hotspot-users job', () => {
  test('a run cut off after the first chunk is finished by the next run, without duplicates', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { sim, tenant, router } = await routerOnSimulator(client, cleanup)
    sim.state.add('/ip/hotspot/user/profile', { name: 'voucher-3h' })
    const gateway = await gatewayFor(tenant.id)
    const users = vouchers(120, 'nov24-')
    const request = { tenantId: tenant.id, routerId: router.id, batchId: `b-${Date.now()}`, users }

    const { jobId } = await gateway.queueHotspotUsers(request)
    const again = await gateway.queueHotspotUsers(request)
    assert.equal(again.jobId, jobId)
    const queue = kernel.queue.queue(QUEUE)
    cleanup(async () => (await queue.getJob(jobId))?.remove())
    const sameBatch = (await queue.getJobs(['waiting', 'delayed', 'prioritized'])).filter(
      (job) => job.id === jobId
    )
    assert.lengthOf(sameBatch, 1)

    // The 60th add reaches the router, then the link dies before the answer: the worst moment.
    let adds = 0
    let reboot: Promise<void> | undefined
    sim.setReplyDelay((entry) => {
      if (entry.command !== ADD || ++adds !== 60) return 0
      setImmediate(() => (reboot = sim.reboot(300)))
      return 200
    })
    const failure = await rejectionOf(work(jobId))
    assert.match(failure.code, /^ROUTER_(UNREACHABLE|CLOSED)$/)
    assert.deepInclude((await queue.getJob(jobId))!.progress, { done: 50, total: 120 })
    await reboot
    sim.setReplyDelay(0)
    const onRouter = () => sim.rows('/ip/hotspot/user').filter((r) => r.name.startsWith('nov24-'))
    assert.lengthOf(onRouter(), 60)

    const addsBefore = sim.commands(ADD).length
    const result = await work(jobId)
    assert.deepEqual(result, { batchId: request.batchId, total: 120, created: 60, skipped: 60 })
    assert.lengthOf(onRouter(), 120)
    assert.lengthOf(new Set(onRouter().map((r) => r.name)), 120)
    // Only the missing users were sent: nothing was re-added or overwritten.
    assert.equal(sim.commands(ADD).length - addsBefore, 60)
    assert.deepInclude((await queue.getJob(jobId))!.progress, { percent: 100, done: 120 })
  })

  test('a batch whose profile the router lacks fails for good, naming the profile', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { tenant, router } = await routerOnSimulator(client, cleanup)
    const { jobId } = await (
      await gatewayFor(tenant.id)
    ).queueHotspotUsers({
      tenantId: tenant.id,
      routerId: router.id,
      batchId: `nope-${Date.now()}`,
      users: vouchers(3, 'x-'),
    })
    cleanup(async () => (await kernel.queue.queue(QUEUE).getJob(jobId))?.remove())
    const failure = await rejectionOf(work(jobId))
    assert.equal(failure.name, 'UnrecoverableError')
    assert.include(failure.message, 'HOTSPOT_PROFILE_MISSING')
    assert.include(failure.message, 'voucher-3h')
  })

  test('queueing for an unknown router or a malformed batch id is refused at once', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const router = await addRouter(client, tenant, await closedPort())
    const gateway = await gatewayFor(tenant.id)
    const base = { tenantId: tenant.id, users: vouchers(1, 'y-') }
    const unknown = await rejectionOf(
      gateway.queueHotspotUsers({
        ...base,
        routerId: '00000000-0000-4000-8000-000000000000',
        batchId: 'b1',
      })
    )
    assert.equal(unknown.code, 'ROUTER_NOT_FOUND')
    const malformed = await rejectionOf(
      gateway.queueHotspotUsers({ ...base, routerId: router.id, batchId: 'a:b c' })
    )
    assert.equal(malformed.status, 422)
    assert.equal(malformed.errors[0].field, 'batchId')
  })
})
