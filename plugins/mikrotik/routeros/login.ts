import { createHash } from 'node:crypto'
import { RouterError } from './errors.js'

/**
 * The two RouterOS login handshakes: plain `/login =name= =password=`
 * (6.43 and later) and the older md5 challenge. A pre-6.43 router answers
 * the plain form with a challenge, so both are tried in one flow.
 */

/** `00` + hex(md5(0x00 + password + challenge bytes)). */
export function challengeResponse(password: string, challengeHex: string): string {
  const hash = createHash('md5')
  hash.update(Buffer.from([0]))
  hash.update(Buffer.from(password, 'utf8'))
  hash.update(Buffer.from(challengeHex, 'hex'))
  return `00${hash.digest('hex')}`
}

export interface LoginReply {
  ret?: string
}

/** Sends one command and resolves with its `!done` `=ret=`, rejecting on trap. */
export type LoginSender = (words: string[]) => Promise<LoginReply>

export interface LoginCredentials {
  host: string
  port: number
  user: string
  password: string
  /** Start with the challenge so the password never travels in clear text. */
  legacyLogin?: boolean
}

export async function login(send: LoginSender, credentials: LoginCredentials): Promise<void> {
  const where = `${credentials.host}:${credentials.port}`
  try {
    const first = credentials.legacyLogin
      ? await send(['/login'])
      : await send(['/login', `=name=${credentials.user}`, `=password=${credentials.password}`])
    if (first.ret === undefined || first.ret === '') return
    if (!/^[0-9a-f]+$/i.test(first.ret)) {
      throw new RouterError('ROUTER_PROTOCOL', `${where} sent an unreadable login challenge`)
    }
    await send([
      '/login',
      `=name=${credentials.user}`,
      `=response=${challengeResponse(credentials.password, first.ret)}`,
    ])
  } catch (error) {
    if (error instanceof RouterError && error.code === 'ROUTER_TRAP') {
      throw new RouterError(
        'ROUTER_AUTH_FAILED',
        `${where} rejected user "${credentials.user}": ${error.routerMessage ?? error.detail}`,
        { cause: error }
      )
    }
    throw error
  }
}
