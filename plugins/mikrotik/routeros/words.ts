import { RouterError } from './errors.js'

/**
 * RouterOS API framing: every word carries a big-endian length prefix of
 * 1 to 5 bytes, and a zero-length word ends the sentence. Lengths count
 * bytes, never characters, so everything here works on Buffers.
 */

/** Largest length the 5-byte form can carry. */
export const MAX_WORD_LENGTH = 0xffffffff

/**
 * Words bigger than this are refused while decoding: no real reply is that
 * large, and a garbage prefix must not make us wait for gigabytes.
 */
export const DEFAULT_MAX_DECODED_WORD = 64 * 1024 * 1024

export function encodeLength(length: number): Buffer {
  if (!Number.isInteger(length) || length < 0 || length > MAX_WORD_LENGTH) {
    throw new RouterError('ROUTER_PROTOCOL', `word length ${length} cannot be encoded`)
  }
  if (length < 0x80) return Buffer.from([length])
  if (length < 0x4000) {
    const out = Buffer.alloc(2)
    out.writeUInt16BE(length | 0x8000)
    return out
  }
  if (length < 0x200000) {
    const value = length | 0xc00000
    return Buffer.from([(value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff])
  }
  if (length < 0x10000000) {
    const out = Buffer.alloc(4)
    out.writeUInt32BE((length | 0xe0000000) >>> 0)
    return out
  }
  const out = Buffer.alloc(5)
  out[0] = 0xf0
  out.writeUInt32BE(length, 1)
  return out
}

/** How many prefix bytes a word starting with `firstByte` uses; 0 if invalid. */
export function prefixSize(firstByte: number): number {
  if ((firstByte & 0x80) === 0x00) return 1
  if ((firstByte & 0xc0) === 0x80) return 2
  if ((firstByte & 0xe0) === 0xc0) return 3
  if ((firstByte & 0xf0) === 0xe0) return 4
  if (firstByte === 0xf0) return 5
  // 0xF1..0xFF are reserved control bytes: never valid in a reply.
  return 0
}

/**
 * Reads a length prefix at `offset`. Returns null when the buffer does not
 * yet hold the whole prefix.
 */
export function decodeLength(buffer: Buffer, offset = 0): { length: number; bytes: number } | null {
  if (offset >= buffer.length) return null
  const bytes = prefixSize(buffer[offset])
  if (bytes === 0) {
    throw new RouterError(
      'ROUTER_PROTOCOL',
      `invalid word length prefix 0x${buffer[offset].toString(16).padStart(2, '0')}`
    )
  }
  if (offset + bytes > buffer.length) return null
  const b = buffer
  const o = offset
  switch (bytes) {
    case 1:
      return { length: b[o], bytes }
    case 2:
      return { length: ((b[o] & 0x3f) << 8) | b[o + 1], bytes }
    case 3:
      return { length: ((b[o] & 0x1f) << 16) | (b[o + 1] << 8) | b[o + 2], bytes }
    case 4:
      return { length: (b.readUInt32BE(o) & 0x0fffffff) >>> 0, bytes }
    default:
      return { length: b.readUInt32BE(o + 1), bytes }
  }
}

export function encodeWord(word: string | Buffer): Buffer {
  const body = typeof word === 'string' ? Buffer.from(word, 'utf8') : word
  return Buffer.concat([encodeLength(body.length), body])
}

/** A full sentence: its words followed by the zero-length terminator. */
export function encodeSentence(words: ReadonlyArray<string>): Buffer {
  const parts: Buffer[] = []
  for (const word of words) {
    if (word.length === 0) {
      // An empty word would end the sentence early and desync the stream.
      throw new RouterError('ROUTER_PROTOCOL', 'a sentence cannot contain an empty word')
    }
    parts.push(encodeWord(word))
  }
  parts.push(Buffer.from([0]))
  return Buffer.concat(parts)
}

/**
 * Streaming decoder: feed it whatever TCP delivers, in any segmentation,
 * and it returns each sentence once complete. It keeps only the bytes of
 * the word being read, so 1-byte segments cost no re-copying.
 * Throws RouterError ROUTER_PROTOCOL on a malformed stream; the caller must
 * then discard the connection because the framing is lost.
 */
export class SentenceDecoder {
  readonly #maxWord: number
  readonly #prefix = Buffer.alloc(5)
  #prefixFill = 0
  #prefixNeed = 0
  #word: Buffer | null = null
  #wordFill = 0
  #words: string[] = []
  #failed = false

  constructor(options: { maxWordLength?: number } = {}) {
    this.#maxWord = options.maxWordLength ?? DEFAULT_MAX_DECODED_WORD
  }

  /** True when a sentence is partly received. */
  get pending(): boolean {
    return this.#prefixFill > 0 || this.#word !== null || this.#words.length > 0
  }

  push(chunk: Buffer): string[][] {
    if (this.#failed) throw new RouterError('ROUTER_PROTOCOL', 'decoder already failed')
    try {
      return this.#consume(chunk)
    } catch (error) {
      this.#failed = true
      throw error
    }
  }

  #consume(chunk: Buffer): string[][] {
    const sentences: string[][] = []
    let i = 0
    while (i < chunk.length) {
      if (this.#word !== null) {
        const take = Math.min(chunk.length - i, this.#word.length - this.#wordFill)
        chunk.copy(this.#word, this.#wordFill, i, i + take)
        this.#wordFill += take
        i += take
        if (this.#wordFill === this.#word.length) {
          this.#words.push(this.#word.toString('utf8'))
          this.#word = null
        }
        continue
      }

      // Fast path: prefix and whole word inside this chunk.
      if (this.#prefixFill === 0) {
        const header = decodeLength(chunk, i)
        if (header !== null && i + header.bytes + header.length <= chunk.length) {
          i += header.bytes
          if (header.length === 0) {
            sentences.push(this.#words)
            this.#words = []
          } else {
            this.#checkSize(header.length)
            this.#words.push(chunk.toString('utf8', i, i + header.length))
            i += header.length
          }
          continue
        }
      }

      // Slow path: collect the prefix byte by byte.
      const byte = chunk[i++]
      if (this.#prefixFill === 0) this.#prefixNeed = prefixSize(byte)
      this.#prefix[this.#prefixFill++] = byte
      if (this.#prefixFill < this.#prefixNeed) continue
      const header = decodeLength(this.#prefix.subarray(0, this.#prefixFill))!
      this.#prefixFill = 0
      if (header.length === 0) {
        sentences.push(this.#words)
        this.#words = []
        continue
      }
      this.#checkSize(header.length)
      this.#word = Buffer.allocUnsafe(header.length)
      this.#wordFill = 0
    }
    return sentences
  }

  #checkSize(length: number) {
    if (length > this.#maxWord) {
      throw new RouterError(
        'ROUTER_PROTOCOL',
        `word of ${length} bytes exceeds the ${this.#maxWord} byte limit`
      )
    }
  }
}
