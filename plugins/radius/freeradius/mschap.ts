import { createCipheriv, createHash, randomBytes } from 'node:crypto'
import { md4 } from './md4.js'

/**
 * MS-CHAPv2 (RFC 2759) as a PPPoE client on a MikroTik would compute it,
 * so tests can send MS-CHAP2-Response through radclient. radclient itself
 * only knows MS-CHAPv1 (`MS-CHAP-Password = secret`).
 */
export interface MschapV2Request {
  /** Attributes for radclient: hex octets ready to send. */
  attributes: {
    'MS-CHAP-Challenge': string
    'MS-CHAP2-Response': string
  }
  /** The `S=...` string a genuine server returns in MS-CHAP2-Success. */
  expectedAuthenticatorResponse: string
  ntResponse: Buffer
}

export interface MschapV2Options {
  /** 16 bytes; random when omitted. */
  authenticatorChallenge?: Buffer
  /** 16 bytes; random when omitted. */
  peerChallenge?: Buffer
  /** PPP identifier echoed in MS-CHAP2-Success. */
  ident?: number
}

export function mschapV2Request(
  userName: string,
  password: string,
  options: MschapV2Options = {}
): MschapV2Request {
  const authenticatorChallenge = options.authenticatorChallenge ?? randomBytes(16)
  const peerChallenge = options.peerChallenge ?? randomBytes(16)
  const ident = options.ident ?? 1
  if (authenticatorChallenge.length !== 16 || peerChallenge.length !== 16) {
    throw new Error('MSCHAP_INVALID: both challenges must be 16 bytes')
  }

  const passwordHash = ntPasswordHash(password)
  const challenge = challengeHash(peerChallenge, authenticatorChallenge, userName)
  const ntResponse = challengeResponse(challenge, passwordHash)

  // Ident, Flags, Peer-Challenge, 8 reserved zero bytes, NT-Response (RFC 2548 §2.3.2).
  const response = Buffer.concat([
    Buffer.from([ident & 0xff, 0]),
    peerChallenge,
    Buffer.alloc(8),
    ntResponse,
  ])

  return {
    attributes: {
      'MS-CHAP-Challenge': hex(authenticatorChallenge),
      'MS-CHAP2-Response': hex(response),
    },
    expectedAuthenticatorResponse: authenticatorResponse(passwordHash, ntResponse, challenge),
    ntResponse,
  }
}

/** MD4 of the UTF-16LE password: what the NAS and server both derive. */
export function ntPasswordHash(password: string): Buffer {
  return md4(Buffer.from(password, 'utf16le'))
}

export function challengeHash(
  peerChallenge: Buffer,
  authenticatorChallenge: Buffer,
  userName: string
) {
  // MS-CHAP hashes the bare user name, without a "DOMAIN\" prefix.
  const bareName = userName.includes('\\')
    ? userName.slice(userName.lastIndexOf('\\') + 1)
    : userName
  return sha1(peerChallenge, authenticatorChallenge, Buffer.from(bareName, 'utf8')).subarray(0, 8)
}

/** Three DES encryptions of the 8-byte challenge keyed by the zero-padded hash. */
export function challengeResponse(challenge: Buffer, passwordHash: Buffer): Buffer {
  const key = Buffer.concat([passwordHash, Buffer.alloc(21 - passwordHash.length)])
  return Buffer.concat([0, 7, 14].map((at) => desEncrypt(key.subarray(at, at + 7), challenge)))
}

const MAGIC_SERVER_SIGNING = Buffer.from('Magic server to client signing constant', 'ascii')
const MAGIC_PAD = Buffer.from('Pad to make it do more than one iteration', 'ascii')

/** The server's proof that it, too, knows the password (RFC 2759 §8.7). */
export function authenticatorResponse(passwordHash: Buffer, ntResponse: Buffer, challenge: Buffer) {
  const digest = sha1(md4(passwordHash), ntResponse, MAGIC_SERVER_SIGNING)
  return 'S=' + sha1(digest, challenge, MAGIC_PAD).toString('hex').toUpperCase()
}

/**
 * Single DES with a 56-bit key. OpenSSL 3 moved plain `des-ecb` to the
 * legacy provider, but triple DES with three equal keys is the same
 * cipher (encrypt, decrypt, encrypt cancels down to one encryption).
 */
function desEncrypt(key7: Buffer, block: Buffer): Buffer {
  const key8 = expandDesKey(key7)
  const cipher = createCipheriv('des-ede3-ecb', Buffer.concat([key8, key8, key8]), null)
  cipher.setAutoPadding(false)
  return Buffer.concat([cipher.update(block), cipher.final()])
}

/** Spreads 56 key bits over 8 bytes, leaving the low (parity) bit of each byte 0. */
function expandDesKey(key7: Buffer): Buffer {
  const key8 = Buffer.alloc(8)
  let bits = 0n
  for (const byte of key7) bits = (bits << 8n) | BigInt(byte)
  for (let i = 0; i < 8; i++) {
    key8[i] = Number((bits >> BigInt(49 - i * 7)) & 0x7fn) << 1
  }
  return key8
}

function sha1(...parts: Buffer[]): Buffer {
  const hash = createHash('sha1')
  for (const part of parts) hash.update(part)
  return hash.digest()
}

function hex(bytes: Buffer): string {
  return '0x' + bytes.toString('hex')
}
