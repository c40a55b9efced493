import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { createTenant } from '#tests/helpers/tenants'
import { startServerProcess } from '#tests/helpers/server_process'

test.group('Operations | health, metrics, request ids', () => {
  test('liveness answers without touching dependencies', async ({ client }) => {
    const response = await client.get('/health/live')
    response.assertStatus(200)
    response.assertBodyContains({ status: 'ok' })
  })

  test('readiness reports database, Redis and queue', async ({ client, assert }) => {
    const response = await client.get('/health/ready')
    assert.equal(response.status(), 200, JSON.stringify(response.body()))
    const checks = response.body().checks as { name: string; status: string }[]
    assert.lengthOf(checks, 3)
    assert.isTrue(
      checks.every((c) => c.status === 'ok'),
      JSON.stringify(checks)
    )
    assert.includeMembers(
      checks.map((c) => c.name),
      ['Queue (BullMQ) check']
    )
  })

  test('every response carries a request id, and a client-sent one is kept', async ({
    client,
    assert,
  }) => {
    const generated = await client.get('/health/live')
    assert.match(generated.header('x-request-id')!, /^[\w-]{10,}$/)
    const kept = await client.get('/health/live').header('x-request-id', 'support-ticket-42')
    assert.equal(kept.header('x-request-id'), 'support-ticket-42')
  })

  test('metrics expose HTTP, per-plugin and queue families', async ({ client, assert }) => {
    const tenant = await createTenant({ plugins: ['fixture-base'] })
    const other = await createTenant()
    await client.get('/api/v1/fixture-base/pings').headers(tenant.headers)
    await client.get('/api/v1/fixture-base/pings').headers(other.headers)

    const response = await client.get('/metrics')
    response.assertStatus(200)
    const text = response.text()
    assert.match(
      text,
      /http_requests_total\{method="GET",route="\/api\/v1\/fixture-base\/pings",status="200"\} \d+/
    )
    assert.match(text, /plugin_requests_total\{plugin="fixture-base",outcome="served"\} \d+/)
    assert.match(text, /plugin_requests_total\{plugin="fixture-base",outcome="disabled"\} \d+/)
    assert.match(text, /queue_jobs_waiting\{queue="fixture-base.pings",state="failed"\} \d+/)
    assert.match(text, /process_resident_memory_bytes \d+/)
  })

  test('an unknown URL answers a JSON 404, never HTML or a 500', async ({ client }) => {
    const response = await client.get('/api/v1/does-not-exist')
    response.assertStatus(404)
    response.assertBodyContains({ code: 'ROUTE_NOT_FOUND' })
  })

  test('readiness fails when the database is unreachable', async ({ client, assert }) => {
    const manager = db.manager
    const config = manager.get('app')!.config
    // Point a second connection at a closed port and swap the check's target through the manager.
    manager.add('unreachable', {
      ...config,
      connection: { ...(config.connection as object), port: 1 },
    } as any)
    const { DbCheck } = await import('@adonisjs/lucid/database')
    const result = await new DbCheck(db.connection('unreachable')).run()
    assert.equal(result.status, 'error')
    await manager.close('unreachable')
    ;(await client.get('/health/ready')).assertStatus(200)
  })
})

test.group('Operations | structured logs and shutdown', () => {
  test('the server writes JSON log lines carrying the request id', async ({ assert }) => {
    const server = await startServerProcess('3398')
    try {
      const response = await fetch(`${server.url}/api/v1/nothing-here`, {
        headers: { 'x-request-id': 'req-abc-123' },
      })
      assert.equal(response.status, 404)
      await new Promise((r) => setTimeout(r, 300))
    } finally {
      await server.stop()
    }
    const lines = server
      .output()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    const access = lines.find((l) => l.msg === 'request completed')
    assert.exists(access, server.output())
    assert.equal(access.request_id, 'req-abc-123')
    assert.equal(access.status, 404)
    assert.equal(access.url, '/api/v1/nothing-here')
  }).timeout(60_000)

  test('SIGTERM stops the server after in-flight requests finish', async ({ assert }) => {
    const server = await startServerProcess('3397')
    const inFlight = fetch(`${server.url}/fixture-base/slow?ms=800`)
    await new Promise((r) => setTimeout(r, 300)) // the request is now inside its handler
    server.signal('SIGTERM')
    await new Promise((r) => setTimeout(r, 100))
    // No new connections once stopping.
    await assert.rejects(() => fetch(`${server.url}/health/live`), /fetch failed/)
    const answer = await inFlight
    assert.equal(answer.status, 200, await answer.clone().text())
    assert.deepEqual(await answer.json(), { waitedMs: 800, one: 1 })
    assert.equal(await server.exited, 0)
  }).timeout(60_000)
})
