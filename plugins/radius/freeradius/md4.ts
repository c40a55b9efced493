/**
 * MD4 (RFC 1320), needed only for the MS-CHAP NT password hash.
 * Node 24's OpenSSL 3 keeps MD4 in the legacy provider, so
 * `createHash('md4')` throws "unsupported"; this small version avoids
 * having to start Node with `--openssl-legacy-provider`.
 */
export function md4(input: Uint8Array): Buffer {
  const bitLength = input.length * 8
  // Pad to 56 mod 64 bytes, then append the length as a 64-bit little-endian number.
  const paddedLength = (((input.length + 8) >> 6) + 1) * 64
  const message = Buffer.alloc(paddedLength)
  message.set(input)
  message[input.length] = 0x80
  message.writeUInt32LE(bitLength >>> 0, paddedLength - 8)
  message.writeUInt32LE(Math.floor(bitLength / 0x100000000), paddedLength - 4)

  let a = 0x67452301
  let b = 0xefcdab89
  let c = 0x98badcfe
  let d = 0x10325476
  const x = new Array<number>(16)

  for (let offset = 0; offset < paddedLength; offset += 64) {
    for (let i = 0; i < 16; i++) x[i] = message.readUInt32LE(offset + i * 4)
    const [aa, bb, cc, dd] = [a, b, c, d]

    // Round 1: F(x,y,z) = (x & y) | (~x & z)
    for (const i of [0, 4, 8, 12]) {
      a = rotl(a + ((b & c) | (~b & d)) + x[i], 3)
      d = rotl(d + ((a & b) | (~a & c)) + x[i + 1], 7)
      c = rotl(c + ((d & a) | (~d & b)) + x[i + 2], 11)
      b = rotl(b + ((c & d) | (~c & a)) + x[i + 3], 19)
    }
    // Round 2: G(x,y,z) = majority, plus a constant
    for (const i of [0, 1, 2, 3]) {
      a = rotl(a + ((b & c) | (b & d) | (c & d)) + x[i] + 0x5a827999, 3)
      d = rotl(d + ((a & b) | (a & c) | (b & c)) + x[i + 4] + 0x5a827999, 5)
      c = rotl(c + ((d & a) | (d & b) | (a & b)) + x[i + 8] + 0x5a827999, 9)
      b = rotl(b + ((c & d) | (c & a) | (d & a)) + x[i + 12] + 0x5a827999, 13)
    }
    // Round 3: H(x,y,z) = x ^ y ^ z, words in bit-reversed order
    for (const i of [0, 2, 1, 3]) {
      a = rotl(a + (b ^ c ^ d) + x[i] + 0x6ed9eba1, 3)
      d = rotl(d + (a ^ b ^ c) + x[i + 8] + 0x6ed9eba1, 9)
      c = rotl(c + (d ^ a ^ b) + x[i + 4] + 0x6ed9eba1, 11)
      b = rotl(b + (c ^ d ^ a) + x[i + 12] + 0x6ed9eba1, 15)
    }

    a = (a + aa) >>> 0
    b = (b + bb) >>> 0
    c = (c + cc) >>> 0
    d = (d + dd) >>> 0
  }

  const digest = Buffer.alloc(16)
  digest.writeUInt32LE(a, 0)
  digest.writeUInt32LE(b, 4)
  digest.writeUInt32LE(c, 8)
  digest.writeUInt32LE(d, 12)
  return digest
}

function rotl(value: number, bits: number): number {
  const v = value >>> 0
  return ((v << bits) | (v >>> (32 - bits))) >>> 0
}
