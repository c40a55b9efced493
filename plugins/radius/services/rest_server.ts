import type { Logger } from '@adonisjs/core/logger'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { httpDuration, httpRequests } from '#core/metrics/metrics'
import {
  answerAccounting,
  answerAuthorize,
  answerPostAuth,
  CALLER_REFUSED,
  callerRefusal,
  unlessBusy,
  type RestAnswer,
} from './rest_endpoints.js'
import { readAttributes, type RadiusAttributes } from './rlm_rest.js'

/** rlm_rest bodies are a few hundred bytes; anything near this is not FreeRADIUS. */
const MAX_BODY_BYTES = 64 * 1024

type Handler = (
  attributes: RadiusAttributes,
  req: IncomingMessage,
  logger: Logger
) => Promise<RestAnswer>

const ROUTES: Record<string, Handler | undefined> = {
  '/radius/auth': (attributes, _req, logger) => answerAuthorize(attributes, logger),
  '/radius/acct': (attributes, _req, logger) => answerAccounting(attributes, logger),
  '/radius/post-auth': (attributes, req) =>
    answerPostAuth(attributes, req.headers['x-radius-result'] === 'reject'),
}

/**
 * A lean HTTP listener for FreeRADIUS only: the three rlm_rest endpoints,
 * answered by the same functions as the AdonisJS routes, without the web
 * stack in front (router, body parser, locale, sessions), which cost more
 * than the answer itself on this path. Same caller check, same metrics
 * (route label = path), same load shedding. Started with the web process
 * when `RADIUS_REST_PORT` is set; FreeRADIUS's `platformUrl` then points here.
 */
export function createRestServer(logger: Logger): Server {
  const server = createServer((req, res) => {
    const started = process.hrtime.bigint()
    const route = (req.url ?? '').split('?')[0]
    const handler = ROUTES[route]
    const finish = (answer: RestAnswer) => {
      write(res, answer)
      const label = handler ? route : 'unmatched'
      httpRequests.inc({ method: req.method ?? '', route: label, status: String(answer.status) })
      httpDuration.observe(
        { method: req.method ?? '', route: label },
        Number(process.hrtime.bigint() - started) / 1e9
      )
    }
    if (!handler) return finish({ status: 404, body: { error: 'NOT_FOUND' } })
    if (req.method !== 'POST') return finish({ status: 405, body: { error: 'METHOD_NOT_ALLOWED' } })
    const refusal = callerRefusal(
      header(req, 'x-radius-secret'),
      req.socket.remoteAddress?.replace(/^::ffff:/, '')
    )
    if (refusal) {
      logger.warn({ address: req.socket.remoteAddress, reason: refusal }, 'RADIUS caller refused')
      req.resume()
      return finish(CALLER_REFUSED)
    }
    readBody(req)
      .then((raw) => {
        let body: unknown
        try {
          body = raw.length ? JSON.parse(raw) : {}
        } catch {
          return { status: 400, body: { 'reply:Reply-Message': 'INVALID_JSON' } }
        }
        return unlessBusy(logger, () => handler(readAttributes(body), req, logger))
      })
      .then(finish, (error) => {
        if (error?.code === 'BODY_TOO_LARGE') return finish({ status: 413 })
        logger.error({ err: error, route }, 'RADIUS request failed')
        finish({ status: 500, body: { 'reply:Reply-Message': 'PLATFORM_ERROR' } })
      })
  })
  // FreeRADIUS keeps idle connections 60 s (rest pool idle_timeout): closing them sooner
  // would have it send a request down a connection this side is just closing.
  server.keepAliveTimeout = 75_000
  return server
}

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        req.destroy()
        reject(Object.assign(new Error('body too large'), { code: 'BODY_TOO_LARGE' }))
      } else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function write(res: ServerResponse, answer: RestAnswer) {
  if (res.headersSent || res.destroyed) return
  if (answer.body === undefined) {
    res.writeHead(answer.status, { 'content-length': 0 })
    res.end()
    return
  }
  const json = JSON.stringify(answer.body)
  res.writeHead(answer.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  })
  res.end(json)
}

/**
 * Listens and resolves with the port (0 picks a free one). `reusePort`: several
 * app processes may share RADIUS_REST_PORT, the kernel spreading connections
 * over them (each with its own app PORT); their caches agree through Redis.
 */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen({ port, host, reusePort: port !== 0 }, () => {
      server.off('error', reject)
      resolve((server.address() as AddressInfo).port)
    })
  })
}
