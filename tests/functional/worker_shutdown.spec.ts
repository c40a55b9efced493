import { test } from '@japa/runner'
import { spawn } from 'node:child_process'
import kernel from '#core/services/kernel'
import { APP_ROOT } from '#core/plugins/boot_manifest'
import { platformDb } from '#core/tenancy/tenant_db'
import { createTenant } from '#tests/helpers/tenants'

test.group('Operations | worker shutdown', () => {
  test('SIGTERM lets the running job finish before the worker exits', async ({ assert }) => {
    const tenant = await createTenant({ plugins: ['fixture-base'] })
    const worker = spawn(
      process.execPath,
      ['ace.js', 'queue:work', '--queues', 'fixture-base.pings'],
      {
        cwd: APP_ROOT,
        env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info' },
        stdio: ['ignore', 'pipe', 'pipe'],
      }
    )
    let output = ''
    worker.stdout.on('data', (chunk) => (output += chunk))
    const exited = new Promise<number | null>((resolve) =>
      worker.once('exit', (code) => resolve(code))
    )
    const deadline = Date.now() + 30_000
    while (!output.includes('worker started') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100))

    const job = await kernel.queue.dispatch('fixture-base', 'slow-ping', {
      tenantId: tenant.id,
      ms: 1500,
    })
    while ((await job.getState()) !== 'active' && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50))
    assert.equal(await job.getState(), 'active')

    worker.kill('SIGTERM')
    assert.equal(await exited, 0, output)
    const fresh = await kernel.queue.queue(job.queueName).getJob(job.id!)
    assert.equal(await fresh!.getState(), 'completed')
    const pings = await platformDb()
      .from('fixture_base_pings')
      .where('tenant_id', tenant.id)
      .select('note')
    assert.deepEqual(
      pings.map((p) => p.note),
      ['slow']
    )
  }).timeout(90_000)
})
