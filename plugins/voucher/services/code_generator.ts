import { randomBytes, randomInt } from 'node:crypto'

/**
 * Voucher codes are read off paper and typed on phones, so the alphabets
 * leave out what people confuse: 0/O, 1/l/I (and lowercase altogether).
 */
export const CHARSETS = {
  numeric: '23456789',
  upper: 'ABCDEFGHJKLMNPQRSTUVWXYZ',
  alnum: '23456789ABCDEFGHJKLMNPQRSTUVWXYZ',
} as const

export type CharsetName = keyof typeof CHARSETS
export const CHARSET_NAMES = Object.keys(CHARSETS) as CharsetName[]

/** How many codes each issued one must be lost among, so a guess or a collision stays unlikely. */
export const SPACE_PER_CODE = 1000

/** A source of uniform integers in [0, max); crypto by default, replaceable in tests. */
export type RandomIndex = (max: number) => number

// Random bytes fetched in blocks: one randomInt call per character dominates a 10,000-code batch.
const POOL_SIZE = 8192
let pool = randomBytes(POOL_SIZE)
let position = 0

function nextByte() {
  if (position === POOL_SIZE) {
    pool = randomBytes(POOL_SIZE)
    position = 0
  }
  return pool[position++]
}

/**
 * Uniform over [0, max) from the CSPRNG. Bytes at or above the largest
 * multiple of `max` are dropped (rejection sampling), so no index is more
 * likely than another: a plain `byte % 24` would favour the first 16 letters.
 */
export const secureIndex: RandomIndex = (max) => {
  if (max > 256) return randomInt(0, max)
  const limit = 256 - (256 % max)
  for (;;) {
    const byte = nextByte()
    if (byte < limit) return byte % max
  }
}

export function randomCode(charset: CharsetName, length: number, random = secureIndex) {
  const alphabet = CHARSETS[charset]
  let code = ''
  for (let i = 0; i < length; i++) code += alphabet[random(alphabet.length)]
  return code
}

/** Distinct codes not in `taken`, each `prefix` + `length` random characters. */
export function uniqueCodes(
  count: number,
  options: { prefix: string; charset: CharsetName; length: number; random?: RandomIndex },
  taken: ReadonlySet<string> = new Set()
): string[] {
  const codes = new Set<string>()
  // The space check keeps collisions rare; the cap only stops a broken random source from looping.
  let attempts = 0
  while (codes.size < count && attempts < count * 20 + 100) {
    attempts++
    const code = options.prefix + randomCode(options.charset, options.length, options.random)
    if (!taken.has(code)) codes.add(code)
  }
  return [...codes]
}

/** Number of different codes a charset and length can make (a float: 32^16 exceeds 2^53). */
export function codeSpace(charset: CharsetName, length: number) {
  return CHARSETS[charset].length ** length
}

/** The shortest length that leaves room for `issued` codes, or null when even 16 is too short. */
export function minimumLength(charset: CharsetName, issued: number, maxLength = 16) {
  for (let length = 4; length <= maxLength; length++) {
    if (codeSpace(charset, length) >= SPACE_PER_CODE * issued) return length
  }
  return null
}
