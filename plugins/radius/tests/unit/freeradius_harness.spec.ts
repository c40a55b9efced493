import { test } from '@japa/runner'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import { createServer as createTcpServer, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { chapAttributes } from '../../freeradius/chap.js'
import { checkFreeradiusConfig } from '../../freeradius/freeradius_process.js'
import {
  freePorts,
  startFreeradiusHarness,
  type FreeradiusHarness,
} from '../../freeradius/harness.js'
import { md4 } from '../../freeradius/md4.js'
import { mschapV2Request } from '../../freeradius/mschap.js'
import {
  renderFreeradiusConfig,
  type FreeradiusConfigOptions,
} from '../../freeradius/render_config.js'

const CALLER_SECRET = 'caller-secret-0123456789'
const NAS_SECRET = 'nas-secret-123'
const REST_TIMEOUT_SECONDS = 1

interface PlatformCall {
  path: string
  headers: IncomingHttpHeaders
  body: Record<string, { type: string; value: unknown[] }>
}

/** Plays the platform's side of the /radius/* contract from PROTOCOLS.md. */
async function startFakePlatform(port = 0) {
  const calls: PlatformCall[] = []
  const server = createServer((request, response) => {
    let raw = ''
    request.setEncoding('utf8').on('data', (chunk: string) => (raw += chunk))
    request.on('end', () => {
      const body = raw ? JSON.parse(raw) : {}
      calls.push({ path: request.url ?? '', headers: request.headers, body })
      const reply = (status: number, json?: object) => {
        response.writeHead(status, json ? { 'content-type': 'application/json' } : {})
        response.end(json ? JSON.stringify(json) : undefined)
      }
      if (request.url !== '/radius/auth') return reply(204)
      if (request.headers['x-radius-secret'] !== CALLER_SECRET) {
        return reply(401, { 'reply:Reply-Message': 'CALLER_UNAUTHORIZED' })
      }
      const user = body['User-Name']?.value?.[0]
      if (user === 'budi') {
        return reply(200, {
          'control:Cleartext-Password': 'rahasia',
          'reply:Mikrotik-Rate-Limit': '2M/4M',
          'reply:Session-Timeout': 3600,
        })
      }
      if (user === 'isolated') return reply(401, { 'reply:Reply-Message': 'ISOLATED' })
      reply(404)
    })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const address = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    calls,
    close: () => closeServer(server),
  }
}

async function closeServer(server: Server | ReturnType<typeof createTcpServer>) {
  if ('closeAllConnections' in server) server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
}

const startHarness = (platformUrl: string, secret = CALLER_SECRET) =>
  startFreeradiusHarness({
    platformUrl,
    secret,
    nasSecret: NAS_SECRET,
    restTimeoutSeconds: REST_TIMEOUT_SECONDS,
  })

test.group('FreeRADIUS config rendering', () => {
  const valid = (outputDir: string): FreeradiusConfigOptions => ({
    outputDir,
    platformUrl: 'https://isp.example.net/',
    secret: CALLER_SECRET,
    authPort: 1812,
    acctPort: 1813,
    clients: [{ name: 'rtr-cempaka', ipaddr: '10.20.0.0/24', secret: NAS_SECRET }],
  })

  test('fills every placeholder and passes freeradius -C', async ({ assert, cleanup }) => {
    const dir = await mkdtemp(join(tmpdir(), 'freeradius-render-'))
    cleanup(() => rm(dir, { recursive: true, force: true }))
    await renderFreeradiusConfig(valid(dir))

    const site = await readFile(join(dir, 'sites-enabled/platform'), 'utf8')
    const rest = await readFile(join(dir, 'mods-enabled/rest'), 'utf8')
    const policy = await readFile(join(dir, 'policy.d/platform'), 'utf8')
    for (const text of [site, rest, policy]) assert.notInclude(text, '{{')
    assert.include(site, 'port = 1812')
    assert.include(rest, "connect_uri = 'https://isp.example.net'")
    assert.include(rest, 'timeout = 2')
    assert.include(policy, `'X-Radius-Secret: ${CALLER_SECRET}'`)
    await checkFreeradiusConfig(dir)
  })

  test('refuses values that would break out of the configuration', async ({ assert }) => {
    const cases: [Partial<FreeradiusConfigOptions>, RegExp][] = [
      [{ secret: 'abc\n}' }, /secret must not contain quotes, backslashes or newlines/],
      [{ secret: "abc'def" }, /secret must not contain quotes/],
      [{ secretHeader: 'X Secret' }, /secretHeader must be an HTTP header name/],
      [{ outputDir: '/tmp/radius #1' }, /outputDir must be an absolute path/],
      [{ authPort: 0 }, /authPort must be an integer from 1 to 65535/],
      [{ acctPort: 70000 }, /acctPort must be an integer from 1 to 65535/],
      [{ acctPort: 1812 }, /acctPort must differ from authPort/],
      [{ platformUrl: 'ftp://x' }, /platformUrl must start with http/],
      [{ platformUrl: 'http://x/%{User-Name}' }, /platformUrl must not contain/],
      [{ listenAddress: 'localhost' }, /listenAddress must be an IP address/],
      [{ restTimeoutSeconds: 0 }, /restTimeoutSeconds must be a number of seconds/],
      [{ clients: [] }, /clients must list at least one NAS/],
      [{ clients: [{ name: 'a b', ipaddr: '10.0.0.1', secret: 's' }] }, /clients\[0\]\.name/],
      [{ clients: [{ name: 'a', ipaddr: '10.0.0.1/33', secret: 's' }] }, /clients\[0\]\.ipaddr/],
      [{ clients: [{ name: 'a', ipaddr: '10.0.0.1', secret: 's"x' }] }, /clients\[0\]\.secret/],
    ]
    for (const [override, message] of cases) {
      const options = { ...valid('/nonexistent/never-written'), ...override }
      await assert.rejects(() => renderFreeradiusConfig(options), message)
    }
    // Errors end up in logs: a rejected secret is named, never echoed.
    const error = await renderFreeradiusConfig({ ...valid('/x'), secret: 'bocor"rahasia' }).catch(
      (caught: Error) => caught
    )
    assert.notInclude(String(error), 'bocor')
  })

  test('MD4 and MS-CHAPv2 match the RFC 1320 and RFC 2759 test vectors', ({ assert }) => {
    assert.equal(md4(Buffer.from('abc')).toString('hex'), 'a448017aaf21d8525fc10ae87aa6729d')
    const request = mschapV2Request('User', 'clientPass', {
      authenticatorChallenge: Buffer.from('5B5D7C7D7B3F2F3E3C2C602132262628', 'hex'),
      peerChallenge: Buffer.from('21402324255E262A28295F2B3A337C7E', 'hex'),
    })
    assert.equal(
      request.ntResponse.toString('hex'),
      '82309ecd8d708b5ea08faa3981cd83544233114a3d85d6df'
    )
    assert.equal(
      request.expectedAuthenticatorResponse,
      'S=407A5589115FD0D6209F510FE9C04566932CDA56'
    )
  })
})

test.group('FreeRADIUS harness | platform answering', (group) => {
  let platform: Awaited<ReturnType<typeof startFakePlatform>>
  let harness: FreeradiusHarness

  group.setup(async () => {
    platform = await startFakePlatform()
    harness = await startHarness(platform.url)
    return async () => {
      await harness.stop()
      await platform.close()
    }
  })
  group.each.setup(() => {
    platform.calls.length = 0
  })

  test('PAP accept carries the reply attributes the platform returned', async ({ assert }) => {
    const result = await harness.send('auth', { 'User-Name': 'budi', 'User-Password': 'rahasia' })
    assert.equal(result.code, 'Access-Accept', result.raw)
    assert.deepEqual(result.attributes['Mikrotik-Rate-Limit'], ['2M/4M'])
    assert.deepEqual(result.attributes['Session-Timeout'], ['3600'])

    const [authorize, postAuth] = platform.calls
    assert.equal(authorize.path, '/radius/auth')
    assert.equal(authorize.headers['x-freeradius-section'], 'authorize')
    assert.deepEqual(authorize.body['User-Name'].value, ['budi'])
    // rlm_rest consumes the header after each call: post-auth must get its own, once.
    assert.equal(postAuth.path, '/radius/post-auth')
    assert.equal(postAuth.headers['x-radius-secret'], CALLER_SECRET)
  })

  test('CHAP accept, computed by radclient and by the chap helper', async ({ assert }) => {
    const byRadclient = await harness.send('auth', {
      'User-Name': 'budi',
      'CHAP-Password': 'rahasia',
    })
    assert.equal(byRadclient.code, 'Access-Accept', byRadclient.raw)
    const byHelper = await harness.send('auth', {
      'User-Name': 'budi',
      ...chapAttributes('rahasia', { id: 7 }),
    })
    assert.equal(byHelper.code, 'Access-Accept', byHelper.raw)
    assert.deepEqual(byHelper.attributes['Mikrotik-Rate-Limit'], ['2M/4M'])
    const wrong = await harness.send('auth', { 'User-Name': 'budi', ...chapAttributes('salah') })
    assert.equal(wrong.code, 'Access-Reject', wrong.raw)
  })

  test('MS-CHAPv2 accept proves the server knew the password', async ({ assert }) => {
    const request = mschapV2Request('budi', 'rahasia', { ident: 9 })
    const result = await harness.send('auth', { 'User-Name': 'budi', ...request.attributes })
    assert.equal(result.code, 'Access-Accept', result.raw)
    const success = Buffer.from(result.attributes['MS-CHAP2-Success'][0].slice(2), 'hex')
    assert.equal(success[0], 9)
    assert.equal(success.subarray(1).toString('ascii'), request.expectedAuthenticatorResponse)
    assert.property(result.attributes, 'MS-MPPE-Recv-Key')

    const wrong = mschapV2Request('budi', 'salah')
    assert.equal(
      (await harness.send('auth', { 'User-Name': 'budi', ...wrong.attributes })).code,
      'Access-Reject'
    )
  })

  test('MS-CHAPv1 accept through radclient', async ({ assert }) => {
    const result = await harness.send('auth', {
      'User-Name': 'budi',
      'MS-CHAP-Password': 'rahasia',
    })
    assert.equal(result.code, 'Access-Accept', result.raw)
  })

  test('wrong password is rejected without leaking the plan', async ({ assert }) => {
    const result = await harness.send('auth', { 'User-Name': 'budi', 'User-Password': 'salah' })
    assert.equal(result.code, 'Access-Reject', result.raw)
    assert.notProperty(result.attributes, 'Mikrotik-Rate-Limit')
    const postAuth = platform.calls.find((call) => call.path === '/radius/post-auth')
    assert.include(String(postAuth?.body['Module-Failure-Message']?.value), 'does not match')
  })

  test('isolated user is rejected with the platform Reply-Message', async ({ assert }) => {
    const result = await harness.send('auth', {
      'User-Name': 'isolated',
      'User-Password': 'anything',
    })
    assert.equal(result.code, 'Access-Reject', result.raw)
    assert.deepEqual(result.attributes['Reply-Message'], ['ISOLATED'])
  })

  test('unknown user is rejected', async ({ assert }) => {
    const result = await harness.send('auth', { 'User-Name': 'nobody', 'User-Password': 'rahasia' })
    assert.equal(result.code, 'Access-Reject', result.raw)
    assert.deepEqual(platform.calls[0].path, '/radius/auth')
  })

  test('accounting Start, Interim-Update and Stop reach the platform', async ({ assert }) => {
    const session = {
      'User-Name': 'budi',
      'Acct-Session-Id': '81a00001',
      'NAS-Identifier': 'rtr-cempaka',
    }
    for (const [status, extra] of [
      ['Start', { 'Framed-IP-Address': '10.5.0.2', 'Calling-Station-Id': 'AA:BB:CC:DD:EE:FF' }],
      ['Interim-Update', { 'Acct-Session-Time': 300, 'Acct-Input-Octets': 123456 }],
      ['Stop', { 'Acct-Session-Time': 600, 'Acct-Terminate-Cause': 'User-Request' }],
    ] as const) {
      const result = await harness.send('acct', {
        ...session,
        'Acct-Status-Type': status,
        ...extra,
      })
      assert.equal(result.code, 'Accounting-Response', result.raw)
    }

    assert.deepEqual(
      platform.calls.map((call) => call.path),
      Array(3).fill('/radius/acct')
    )
    const [start, interim, stop] = platform.calls.map((call) => call.body)
    assert.deepEqual(start['Acct-Status-Type'].value, ['Start'])
    assert.deepEqual(start['Framed-IP-Address'].value, ['10.5.0.2'])
    assert.deepEqual(interim['Acct-Status-Type'].value, ['Interim-Update'])
    assert.deepEqual(interim['Acct-Input-Octets'].value, [123456])
    assert.deepEqual(stop['Acct-Status-Type'].value, ['Stop'])
    assert.deepEqual(stop['Acct-Terminate-Cause'].value, ['User-Request'])
    // acct_unique gives all three packets of one session the same key.
    const uniqueIds = new Set(
      [start, interim, stop].map((body) => body['Acct-Unique-Session-Id'].value[0])
    )
    assert.equal(uniqueIds.size, 1)
    assert.equal(platform.calls[0].headers['x-radius-secret'], CALLER_SECRET)
  })

  test('answers Status-Server without calling the platform', async ({ assert }) => {
    const result = await harness.send('status', { 'Message-Authenticator': '0x00' })
    assert.equal(result.code, 'Access-Accept', result.raw)
    assert.lengthOf(platform.calls, 0)
  })
})

test.group('FreeRADIUS harness | caller secret mismatch', (group) => {
  let platform: Awaited<ReturnType<typeof startFakePlatform>>
  let harness: FreeradiusHarness

  group.setup(async () => {
    platform = await startFakePlatform()
    harness = await startHarness(platform.url, 'not-the-platform-secret')
    return async () => {
      await harness.stop()
      await platform.close()
    }
  })

  test('a FreeRADIUS with the wrong secret header cannot log anyone in', async ({ assert }) => {
    const result = await harness.send('auth', { 'User-Name': 'budi', 'User-Password': 'rahasia' })
    assert.equal(result.code, 'Access-Reject', result.raw)
    assert.deepEqual(result.attributes['Reply-Message'], ['CALLER_UNAUTHORIZED'])
    assert.equal(platform.calls[0].headers['x-radius-secret'], 'not-the-platform-secret')
  })
})

test.group('FreeRADIUS harness | platform unreachable', (group) => {
  let platformPort: number
  let harness: FreeradiusHarness

  group.setup(async () => {
    // Nothing listens on this port yet: FreeRADIUS must start anyway (pool start = 0).
    ;[platformPort] = await freePorts(1, 'tcp')
    harness = await startHarness(`http://127.0.0.1:${platformPort}`)
    return () => harness.stop()
  })

  const timed = async (attributes: Record<string, string>) => {
    const startedAt = performance.now()
    const result = await harness.send('auth', attributes)
    return { result, seconds: (performance.now() - startedAt) / 1000 }
  }
  const budi = { 'User-Name': 'budi', 'User-Password': 'rahasia' }
  // After a failed connect, the rest pool waits `retry_delay` (1 s) before
  // trying the platform again; requests in between fail at once.
  const waitOutRetryDelay = () => sleep(1200)

  test('platform down: reject within the rest timeout, no hang', async ({ assert }) => {
    const { result, seconds } = await timed(budi)
    assert.equal(result.code, 'Access-Reject', result.raw)
    assert.isBelow(seconds, REST_TIMEOUT_SECONDS + 1)
  })

  test('platform down: accounting gets no answer, so the router retries', async ({ assert }) => {
    const result = await harness.send(
      'acct',
      { 'User-Name': 'budi', 'Acct-Session-Id': '81a00002', 'Acct-Status-Type': 'Start' },
      { timeoutSeconds: 1.5 }
    )
    assert.equal(result.code, 'timeout', result.raw)
    assert.equal(result.timeouts, 1)
  })

  test('platform hanging: reject after the rest timeout', async ({ assert, cleanup }) => {
    const sockets: Socket[] = []
    const silent = createTcpServer((socket) => sockets.push(socket))
    await new Promise<void>((resolve) => silent.listen(platformPort, '127.0.0.1', resolve))
    cleanup(async () => {
      sockets.forEach((socket) => socket.destroy())
      await closeServer(silent)
    })

    await waitOutRetryDelay()
    const { result, seconds } = await timed(budi)
    assert.equal(result.code, 'Access-Reject', result.raw)
    // One timeout, not two: post-auth does not call a platform that just timed out.
    assert.isAtLeast(seconds, REST_TIMEOUT_SECONDS * 0.9)
    assert.isBelow(seconds, REST_TIMEOUT_SECONDS + 0.8)
    assert.isAbove(sockets.length, 0)
  })

  test('platform back: accept again without restarting FreeRADIUS', async ({ assert, cleanup }) => {
    const platform = await startFakePlatform(platformPort)
    cleanup(() => platform.close())
    await waitOutRetryDelay()
    const { result } = await timed(budi)
    assert.equal(result.code, 'Access-Accept', result.raw)
  })
})
