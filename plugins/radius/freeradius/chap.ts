import { createHash, randomBytes, randomInt } from 'node:crypto'

/**
 * CHAP (RFC 1994 / RFC 2865 §5.3) as a MikroTik hotspot with
 * `login-by=http-chap` sends it: the password never travels, only
 * MD5(id + password + challenge).
 */
export interface ChapAttributes {
  /** One id byte followed by the 16-byte MD5 response, as hex octets. */
  'CHAP-Password': string
  /** The challenge the response was computed over, as hex octets. */
  'CHAP-Challenge': string
}

export interface ChapOptions {
  /** 0–255; random when omitted. */
  id?: number
  /** Random 16 bytes when omitted. */
  challenge?: Buffer
}

/**
 * Attributes ready for radclient. radclient sends 17-byte hex octets as they
 * are, whereas a plain-text `CHAP-Password = secret` makes it compute the
 * response itself; this helper lets tests choose the challenge and id.
 */
export function chapAttributes(password: string, options: ChapOptions = {}): ChapAttributes {
  const id = options.id ?? randomInt(0, 256)
  const challenge = options.challenge ?? randomBytes(16)
  if (!Number.isInteger(id) || id < 0 || id > 255) {
    throw new Error(`CHAP_INVALID: id must be an integer from 0 to 255 (got ${id})`)
  }
  if (challenge.length === 0) {
    throw new Error('CHAP_INVALID: challenge must not be empty')
  }
  const response = chapResponse(id, password, challenge)
  return {
    'CHAP-Password': '0x' + Buffer.concat([Buffer.from([id]), response]).toString('hex'),
    'CHAP-Challenge': '0x' + challenge.toString('hex'),
  }
}

export function chapResponse(id: number, password: string, challenge: Buffer): Buffer {
  return createHash('md5')
    .update(Buffer.from([id]))
    .update(Buffer.from(password, 'utf8'))
    .update(challenge)
    .digest()
}
