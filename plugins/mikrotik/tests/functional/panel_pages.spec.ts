import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import kernel from '#core/services/kernel'
import { createMember, createTenant, type TestTenant } from '#tests/helpers/tenants'
import { visitPage } from '#tests/helpers/inertia'
import { addRouter, closedPort, routerBody, routerOnSimulator } from '../helpers/routers.js'

/** Posts a panel form the way the Inertia client does: signed-in session, CSRF token. */
const submit = (
  client: ApiClient,
  method: 'post' | 'patch' | 'delete',
  url: string,
  tenant: Pick<TestTenant, 'headers'> & { owner: { id: string } },
  body: object = {},
  referer?: string
) =>
  client[method](url)
    .header('host', tenant.headers.host)
    .withSession({ user_id: tenant.owner.id })
    .withCsrfToken()
    .header('x-inertia', 'true')
    .header('referer', referer ?? url)
    .json(body)
    .redirects(0)

test.group('MikroTik | panel pages', () => {
  test('the router page shows each tab with what the router answers', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { sim, tenant, router } = await routerOnSimulator(client, cleanup)
    const page = (query = '') =>
      visitPage(client, `/mikrotik/routers/${router.id}${query}`, tenant.headers)

    const overview = await page()
    overview.assertStatus(200)
    assert.equal(overview.body().component, 'mikrotik/router')
    assert.containsSubset(overview.body().props, {
      tab: 'overview',
      router: { id: router.id, status: 'unknown' },
      sessions: null,
      can: { write: true, delete: true },
    })
    assert.notInclude(overview.text(), 'Sandi-Router')

    const sessions = (await page('?tab=sessions')).body().props.sessions
    assert.deepEqual(sessions.counts, {
      hotspot: sim.rows('/ip/hotspot/active').length,
      pppoe: sim.rows('/ppp/active').length,
    })
    const pppOnly = (await page('?tab=sessions&type=pppoe')).body().props.sessions
    assert.isTrue(pppOnly.data.every((s: any) => s.type === 'pppoe'))

    const accounts = (await page('?tab=accounts&q=' + sim.rows('/ppp/secret')[0].name)).body().props
      .accounts
    assert.deepEqual(
      accounts.data.map((a: any) => a.name),
      [sim.rows('/ppp/secret')[0].name]
    )
    assert.includeMembers(
      accounts.profiles.pppoe.map((p: any) => p.name),
      ['default']
    )
    assert.lengthOf((await page('?tab=leases')).body().props.leases.data, 5)
    assert.deepEqual((await page('?tab=logs')).body().props.logs.meta.total, 0)
    // A hand-edited URL shows the overview rather than an error.
    assert.equal((await page('?tab=nonsense&page=-1')).body().props.tab, 'overview')
    ;(
      await visitPage(
        client,
        '/mikrotik/routers/00000000-0000-4000-8000-000000000000',
        tenant.headers
      )
    ).assertStatus(404)
  })

  test('a router that does not answer shows its reason on a live tab and is marked offline', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const port = await closedPort()
    const router = await addRouter(client, tenant, port)
    const response = await visitPage(
      client,
      `/mikrotik/routers/${router.id}?tab=sessions`,
      tenant.headers
    )
    response.assertStatus(200)
    const { liveError, sessions, router: shown } = response.body().props
    assert.isNull(sessions)
    assert.equal(liveError.code, 'ROUTER_UNREACHABLE')
    assert.include(liveError.message, `127.0.0.1:${port} refused the connection`)
    assert.equal(shown.status, 'offline')
    assert.include(shown.lastError, 'refused the connection')
  })

  test('panel forms: add a router, disconnect a customer, add an account, push vouchers', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { sim, tenant, router } = await routerOnSimulator(client, cleanup)
    const bad = await submit(
      client,
      'post',
      '/mikrotik/routers',
      tenant,
      routerBody(70000, { host: 'http://x' })
    )
    bad.assertStatus(302)
    const list = await client.get('/api/v1/routers').headers(tenant.headers)
    assert.equal(list.body().meta.total, 1)

    const added = await submit(client, 'post', '/mikrotik/routers', tenant, routerBody(sim.port))
    added.assertStatus(302)
    assert.match(added.header('location')!, /^\/mikrotik\/routers\/[0-9a-f-]{36}$/)

    const [target] = sim.rows('/ip/hotspot/active')
    const disconnected = await submit(
      client,
      'post',
      `/mikrotik/routers/${router.id}/sessions/${target['.id']}/disconnect`,
      tenant,
      { type: 'hotspot' }
    )
    disconnected.assertStatus(302)
    assert.notInclude(
      sim.rows('/ip/hotspot/active').map((r) => r['.id']),
      target['.id']
    )

    // A refused form goes back to the tab it was on, with the message on its field.
    const tab = `/mikrotik/routers/${router.id}?tab=accounts&q=x`
    const refused = await submit(
      client,
      'post',
      `/mikrotik/routers/${router.id}/users`,
      tenant,
      { type: 'hotspot', name: 'tamu-panel', password: 'rahasia', profile: 'tidak-ada' },
      tab
    )
    refused.assertStatus(302)
    assert.equal(refused.header('location'), tab)
    const invalid = await submit(
      client,
      'post',
      `/mikrotik/routers/${router.id}/users`,
      tenant,
      { type: 'hotspot', name: '' },
      tab
    )
    assert.equal(invalid.header('location'), tab)

    const account = await submit(client, 'post', `/mikrotik/routers/${router.id}/users`, tenant, {
      type: 'hotspot',
      name: 'tamu-panel',
      password: 'rahasia',
      profile: 'default',
    })
    account.assertStatus(302)
    assert.equal(account.header('location'), `/mikrotik/routers/${router.id}?tab=accounts`)
    assert.exists(sim.rows('/ip/hotspot/user').find((r) => r.name === 'tamu-panel'))

    const badLines = await submit(client, 'post', `/mikrotik/routers/${router.id}/push`, tenant, {
      lines: 'vc-1,111\njust-a-name',
      profile: 'default',
    })
    badLines.assertStatus(302)
    assert.notMatch(badLines.header('location')!, /batch=/)

    const pushed = await submit(client, 'post', `/mikrotik/routers/${router.id}/push`, tenant, {
      lines: 'vc-1,111\nvc-2;222\n\n# a comment\nvc-3 333',
      profile: 'default',
      limitUptime: '1h',
    })
    pushed.assertStatus(302)
    const location = pushed.header('location')!
    const batchId = /batch=([\w-]+)/.exec(location)![1]
    const job = await kernel.queue
      .queue('mikrotik.default')
      .getJob(`push-hotspot-users.${tenant.id}.${batchId}`)
    cleanup(() => job?.remove())
    assert.deepEqual(
      job!.data.users.map((u: any) => [u.name, u.password, u.limitUptime]),
      [
        ['vc-1', '111', '1h'],
        ['vc-2', '222', '1h'],
        ['vc-3', '333', '1h'],
      ]
    )
    const progress = await visitPage(client, location, tenant.headers)
    assert.containsSubset(progress.body().props.push, { batchId, state: 'queued', total: 3 })
  })

  test('settings: an edit keeps the tab, a removal needs router.delete and goes back to the list', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const router = await addRouter(client, tenant, 8728)
    const settings = `/mikrotik/routers/${router.id}?tab=settings`
    const bad = await submit(
      client,
      'patch',
      `/mikrotik/routers/${router.id}`,
      tenant,
      { port: 0 },
      settings
    )
    assert.equal(bad.header('location'), settings)
    const saved = await submit(client, 'patch', `/mikrotik/routers/${router.id}`, tenant, {
      name: 'Core Baru',
    })
    assert.equal(saved.header('location'), settings)
    const shown = await client.get(`/api/v1/routers/${router.id}`).headers(tenant.headers)
    assert.equal(shown.body().name, 'Core Baru')

    const technician = await createMember(tenant, ['technician'])
    const refused = await client
      .delete(`/mikrotik/routers/${router.id}`)
      .header('host', tenant.headers.host)
      .withSession({ user_id: technician.id })
      .withCsrfToken()
      .header('x-inertia', 'true')
      .redirects(0)
    assert.equal(refused.status(), 403)
    const removed = await submit(client, 'delete', `/mikrotik/routers/${router.id}`, tenant)
    assert.equal(removed.header('location'), '/mikrotik/routers')
    ;(await client.get(`/api/v1/routers/${router.id}`).headers(tenant.headers)).assertStatus(404)
  })

  test('the onboarding page explains, generates the script, and refuses the admin account', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { tenant, router } = await routerOnSimulator(client, cleanup, {
      router: { apiUser: 'isp-api' },
    })
    const base = `/mikrotik/routers/${router.id}/onboarding`
    const empty = await visitPage(client, base, tenant.headers)
    assert.isNull(empty.body().props.script)
    const generated = await visitPage(
      client,
      `${base}?radiusAddress=10.9.0.2&generate=1`,
      tenant.headers
    )
    assert.equal(generated.header('cache-control'), 'no-store')
    const props = generated.body().props
    assert.include(props.script, 'address=10.9.0.2')
    assert.isTrue(props.radiusSecretGenerated)
    assert.include(props.script, props.radiusSecret)
    const invalid = await visitPage(client, `${base}?radiusAddress=999.1.1.1`, tenant.headers)
    assert.property(invalid.body().props.fieldErrors, 'radiusAddress')
    assert.isNull(invalid.body().props.script)

    const admin = await addRouter(client, tenant, 8728, { apiUser: 'admin' })
    const blocked = await visitPage(
      client,
      `/mikrotik/routers/${admin.id}/onboarding?radiusAddress=10.9.0.2`,
      tenant.headers
    )
    assert.include(blocked.body().props.blocked, 'admin account')
    assert.isNull(blocked.body().props.script)

    const technician = await createMember(tenant, ['hr'])
    ;(await visitPage(client, base, technician.headers)).assertStatus(403)
  })
})
