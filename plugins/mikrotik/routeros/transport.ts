import net from 'node:net'
import tls from 'node:tls'
import { RouterError } from './errors.js'

/**
 * Opens the TCP or API-SSL socket to a router and turns every way that can
 * fail into a ROUTER_UNREACHABLE / ROUTER_TIMEOUT rejection.
 */
export interface TransportOptions {
  host: string
  port: number
  tls: boolean
  timeoutMs: number
}

/**
 * RouterOS API-SSL without a certificate only offers anonymous DH, which
 * OpenSSL hides below security level 0. Node's default list excludes aNULL,
 * so it is rebuilt without that exclusion to also accept routers that do
 * present a (usually self-signed) certificate.
 */
export const API_SSL_CIPHERS = [
  'ADH-AES256-GCM-SHA384',
  'ADH-AES128-GCM-SHA256',
  'ADH-AES256-SHA256',
  'ADH-AES128-SHA256',
  'ADH-AES256-SHA',
  'ADH-AES128-SHA',
  ...tls.DEFAULT_CIPHERS.split(':').filter((cipher) => cipher !== '!aNULL'),
  '@SECLEVEL=0',
].join(':')

const SOCKET_FAILURES: Record<string, string> = {
  ECONNREFUSED: 'refused the connection',
  ECONNRESET: 'reset the connection',
  ENOTFOUND: 'could not be resolved (DNS)',
  EAI_AGAIN: 'could not be resolved (DNS temporarily failing)',
  EHOSTUNREACH: 'is unreachable (no route to host)',
  ENETUNREACH: 'is unreachable (network down)',
  ETIMEDOUT: 'did not answer (TCP timeout)',
  EPIPE: 'closed the connection while we were writing',
}

export function describeSocketError(error: unknown): string {
  const err = error as NodeJS.ErrnoException
  if (err?.code && SOCKET_FAILURES[err.code]) return SOCKET_FAILURES[err.code]
  if (err?.code?.startsWith('ERR_SSL') || /SSL|TLS|handshake/i.test(err?.message ?? '')) {
    return `failed the API-SSL handshake (${err.message})`
  }
  return `failed: ${err?.message ?? String(error)}`
}

export function openTransport(options: TransportOptions): Promise<net.Socket> {
  const where = `${options.host}:${options.port}`
  return new Promise((resolve, reject) => {
    let settled = false
    const socket = options.tls
      ? tls.connect({
          host: options.host,
          port: options.port,
          ciphers: API_SSL_CIPHERS,
          maxVersion: 'TLSv1.2',
          // Routers use anonymous DH or self-signed certificates.
          rejectUnauthorized: false,
          servername: net.isIP(options.host) ? undefined : options.host,
        })
      : net.connect({ host: options.host, port: options.port })

    const timer = setTimeout(() => {
      fail(
        new RouterError(
          'ROUTER_TIMEOUT',
          `${where} did not accept a connection within ${options.timeoutMs} ms`
        )
      )
    }, options.timeoutMs)

    function cleanup() {
      clearTimeout(timer)
      socket.off('error', onError)
      socket.off('close', onClose)
      socket.off(options.tls ? 'secureConnect' : 'connect', onReady)
    }
    function fail(error: RouterError) {
      if (settled) return
      settled = true
      cleanup()
      // Keep a listener so a late error on the dying socket is never uncaught.
      socket.on('error', () => {})
      socket.destroy()
      reject(error)
    }
    function onError(error: Error) {
      fail(
        new RouterError('ROUTER_UNREACHABLE', `${where} ${describeSocketError(error)}`, {
          cause: error,
        })
      )
    }
    function onClose() {
      fail(
        new RouterError('ROUTER_UNREACHABLE', `${where} closed the connection before it was ready`)
      )
    }
    function onReady() {
      if (settled) return
      settled = true
      cleanup()
      socket.setNoDelay(true)
      socket.setKeepAlive(true, 30_000)
      resolve(socket)
    }

    socket.once('error', onError)
    socket.once('close', onClose)
    socket.once(options.tls ? 'secureConnect' : 'connect', onReady)
  })
}
