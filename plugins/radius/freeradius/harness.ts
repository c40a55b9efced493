import { createSocket } from 'node:dgram'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFreeradius, type RunningFreeradius } from './freeradius_process.js'
import { radclient, type RadclientOptions, type RadclientResult } from './radclient.js'
import { renderFreeradiusConfig, type FreeradiusConfigOptions } from './render_config.js'

/**
 * A throw-away FreeRADIUS on loopback for tests: generated config in a temp
 * dir, free ports, one NAS (127.0.0.1), radclient pointed at it.
 */
export interface FreeradiusHarnessOptions extends Omit<
  FreeradiusConfigOptions,
  'outputDir' | 'authPort' | 'acctPort' | 'clients' | 'listenAddress'
> {
  /** Shared secret of the loopback NAS. */
  nasSecret?: string
  debug?: boolean
}

export interface FreeradiusHarness {
  configDir: string
  authPort: number
  acctPort: number
  server: RunningFreeradius
  /** Milliseconds from spawn to "Ready to process requests". */
  startupMs: number
  /** Sends like a NAS on 127.0.0.1: `acct` goes to the accounting port, the rest to auth. */
  send(
    type: RadclientOptions['type'],
    attributes: RadclientOptions['attributes'],
    extra?: Partial<RadclientOptions>
  ): Promise<RadclientResult>
  stop(): Promise<void>
}

export async function startFreeradiusHarness(
  options: FreeradiusHarnessOptions
): Promise<FreeradiusHarness> {
  const { nasSecret = 'nas-secret-123', debug, ...config } = options
  const configDir = await mkdtemp(join(tmpdir(), 'freeradius-'))
  try {
    const [authPort, acctPort] = await freePorts(2, 'udp')
    await renderFreeradiusConfig({
      rejectDelaySeconds: 0,
      ...config,
      outputDir: configDir,
      listenAddress: '127.0.0.1',
      authPort,
      acctPort,
      clients: [{ name: 'loopback-nas', ipaddr: '127.0.0.1', secret: nasSecret }],
    })
    const startedAt = performance.now()
    const server = await startFreeradius({ configDir, debug })
    const startupMs = performance.now() - startedAt

    return {
      configDir,
      authPort,
      acctPort,
      server,
      startupMs,
      send: (type, attributes, extra = {}) =>
        radclient({
          host: '127.0.0.1',
          port: type === 'acct' ? acctPort : authPort,
          secret: nasSecret,
          type,
          attributes,
          timeoutSeconds: 5,
          ...extra,
        }),
      stop: async () => {
        await server.stop()
        await rm(configDir, { recursive: true, force: true })
      },
    }
  } catch (error) {
    await rm(configDir, { recursive: true, force: true })
    throw error
  }
}

/**
 * Ports nobody listens on right now: bind to 0, note the port, release it.
 * All sockets are held until every port is known, so the ports differ.
 */
export async function freePorts(count: number, kind: 'udp' | 'tcp'): Promise<number[]> {
  const holders = await Promise.all(
    Array.from({ length: count }, () => (kind === 'udp' ? holdUdpPort() : holdTcpPort()))
  )
  await Promise.all(holders.map((holder) => holder.release()))
  return holders.map((holder) => holder.port)
}

async function holdUdpPort() {
  const socket = createSocket('udp4')
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve))
  return {
    port: socket.address().port,
    release: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  }
}

async function holdTcpPort() {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as { port: number }).port,
    release: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
