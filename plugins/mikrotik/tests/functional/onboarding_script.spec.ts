import { test } from '@japa/runner'
import { createMember, createTenant } from '#tests/helpers/tenants'
import { API_PASSWORD, addRouter, startSimulator } from '../helpers/routers.js'
import type { RouterOsSimulator } from '../../simulator/index.js'

let sim: RouterOsSimulator
const SECRET = 'Rad1us-Secret-2026'

const scriptUrl = (id: string, query: Record<string, string> = {}) =>
  `/api/v1/routers/${id}/onboarding-script?${new URLSearchParams({
    radiusAddress: '10.9.0.2',
    radiusSecret: SECRET,
    ...query,
  })}`

test.group('MikroTik | onboarding script', (group) => {
  group.setup(async () => {
    sim = await startSimulator()
    return () => sim.stop()
  })

  test('the script holds the API user, RADIUS client and isolir rules with the router values', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const router = await addRouter(client, tenant, sim.port, { apiUser: 'isp-api' })
    const response = await client
      .get(scriptUrl(router.id, { isolirAddress: '10.9.0.80', isolirPort: '8080' }))
      .headers(tenant.headers)
    response.assertStatus(200)
    assert.equal(response.header('cache-control'), 'no-store')
    const { script, radiusSecretGenerated } = response.body()
    assert.isFalse(radiusSecretGenerated)
    for (const expected of [
      '/user group add name="isp-platform" policy=read,write,api,test,!local,!telnet,!ssh,!ftp,',
      `/user add name="isp-api" group="isp-platform" password="${API_PASSWORD}"`,
      `/ip service set api disabled=no port=${sim.port}`,
      '/ip service set api-ssl disabled=no',
      `/radius add service=ppp,hotspot address=10.9.0.2 secret="${SECRET}"`,
      '/radius incoming set accept=yes',
      '/ppp aaa set use-radius=yes',
      '/ip hotspot profile set [find] use-radius=yes',
      'chain=dstnat src-address-list=isolir protocol=tcp dst-port=80 action=dst-nat to-addresses=10.9.0.80 to-ports=8080',
      'chain=forward src-address-list=isolir protocol=udp dst-port=53 action=accept',
      '/ip hotspot walled-garden ip add dst-address=10.9.0.80 action=accept',
    ]) {
      assert.include(script, expected)
    }
    assert.include(script, router.name)
    assert.notInclude(script, '!read')
  })

  test('text/plain gives the bare script, and a missing secret is generated and announced', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const router = await addRouter(client, tenant, sim.port, { apiUser: 'isp-api' })
    const text = await client
      .get(`/api/v1/routers/${router.id}/onboarding-script?radiusAddress=10.9.0.2`)
      .headers({ ...tenant.headers, accept: 'text/plain' })
    text.assertStatus(200)
    assert.match(text.header('content-type') ?? '', /^text\/plain/)
    assert.include(text.text(), '/radius incoming set accept=yes')

    const json = await client
      .get(`/api/v1/routers/${router.id}/onboarding-script?radiusAddress=10.9.0.2`)
      .headers(tenant.headers)
    const { script, radiusSecretGenerated, notes } = json.body()
    assert.isTrue(radiusSecretGenerated)
    const secret = /secret="([^"]+)"/.exec(script)![1]
    assert.isAtLeast(secret.length, 20)
    assert.include(notes[0], secret)
  })

  test('values that could break out of a RouterOS string are refused with 422', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const router = await addRouter(client, tenant, sim.port, { apiUser: 'isp-api' })
    const cases: Array<[Record<string, string>, string]> = [
      [{ radiusSecret: 'abc"def; /system reset-configuration' }, 'radiusSecret'],
      [{ radiusSecret: 'abcdefgh\n/system reboot' }, 'radiusSecret'],
      [{ radiusSecret: 'abcdefgh\\' }, 'radiusSecret'],
      [{ radiusSecret: 'abc$defgh' }, 'radiusSecret'],
      [{ radiusAddress: '10.9.0.2" disabled=yes' }, 'radiusAddress'],
      [{ isolirAddress: 'isolir.example.net' }, 'isolirAddress'],
      [{ platformAddress: '10.0.0.1\n/user remove admin' }, 'platformAddress'],
    ]
    for (const [query, field] of cases) {
      const response = await client.get(scriptUrl(router.id, query)).headers(tenant.headers)
      assert.equal(response.status(), 422, JSON.stringify(query))
      assert.equal(response.body().errors[0].field, field)
    }
  })

  test('a stored password with quotes or $ is escaped, not pasted raw', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const router = await addRouter(client, tenant, sim.port, {
      apiUser: 'isp-api',
      apiPassword: 'pa"ss$word?\\x',
    })
    const response = await client.get(scriptUrl(router.id)).headers(tenant.headers)
    response.assertStatus(200)
    assert.include(response.body().script, 'password="pa\\"ss\\$word\\?\\\\x"')
    assert.notInclude(response.body().script, 'pa"ss')
  })

  test('no RADIUS address, the admin account or a role without router.write are refused', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const router = await addRouter(client, tenant, sim.port, { apiUser: 'isp-api' })
    const noRadius = await client
      .get(`/api/v1/routers/${router.id}/onboarding-script`)
      .headers(tenant.headers)
    noRadius.assertStatus(422)
    assert.equal(noRadius.body().errors[0].field, 'radiusAddress')

    const admin = await addRouter(client, tenant, sim.port)
    const asAdmin = await client.get(scriptUrl(admin.id)).headers(tenant.headers)
    asAdmin.assertStatus(409)
    assert.equal(asAdmin.body().code, 'ROUTER_ADMIN_USER')

    const hr = await createMember(tenant, ['hr'])
    const forbidden = await client.get(scriptUrl(router.id)).headers(hr.headers)
    forbidden.assertStatus(403)
    assert.notInclude(forbidden.text(), API_PASSWORD)
  })
})
