import { test } from '@japa/runner'
import { RouterError } from '../../routeros/errors.js'
import { parseSentence } from '../../routeros/sentence.js'
import {
  SentenceDecoder,
  decodeLength,
  encodeLength,
  encodeSentence,
  encodeWord,
} from '../../routeros/words.js'

const BOUNDARIES: Array<[number, number[]]> = [
  [0x00, [0x00]],
  [0x7f, [0x7f]],
  [0x80, [0x80, 0x80]],
  [0x3fff, [0xbf, 0xff]],
  [0x4000, [0xc0, 0x40, 0x00]],
  [0x1fffff, [0xdf, 0xff, 0xff]],
  [0x200000, [0xe0, 0x20, 0x00, 0x00]],
  [0xfffffff, [0xef, 0xff, 0xff, 0xff]],
  [0x10000000, [0xf0, 0x10, 0x00, 0x00, 0x00]],
]

function feed(decoder: SentenceDecoder, data: Buffer, segment: number): string[][] {
  const out: string[][] = []
  for (let i = 0; i < data.length; i += segment)
    out.push(...decoder.push(data.subarray(i, i + segment)))
  return out
}

test.group('RouterOS client | word lengths', () => {
  for (const [length, bytes] of BOUNDARIES) {
    test(`length 0x${length.toString(16)} uses ${bytes.length} prefix bytes`, ({ assert }) => {
      const encoded = encodeLength(length)
      assert.deepEqual([...encoded], bytes)
      assert.deepEqual(decodeLength(encoded), { length, bytes: bytes.length })
    })
  }

  test('a partial prefix is reported as incomplete, not misread', ({ assert }) => {
    const encoded = encodeLength(0x200000)
    assert.isNull(decodeLength(encoded.subarray(0, 3)))
  })

  for (const length of [0x7f, 0x80, 0x3fff, 0x4000, 0x1fffff, 0x200000]) {
    test(`a word of 0x${length.toString(16)} bytes survives the decoder`, ({ assert }) => {
      const word = 'x'.repeat(length - 1) + 'y'
      const sentence = Buffer.concat([encodeWord(word), Buffer.from([0])])
      const decoded = feed(new SentenceDecoder(), sentence, length > 0x4000 ? 4093 : 1)
      assert.lengthOf(decoded, 1)
      assert.equal(decoded[0][0].length, length)
      assert.isTrue(decoded[0][0].endsWith('xy'))
    })
  }

  test('a length beyond the decoder limit is refused instead of awaited', ({ assert }) => {
    const decoder = new SentenceDecoder()
    assert.throws(
      () => decoder.push(encodeLength(0xfffffff)),
      /ROUTER_PROTOCOL: word of 268435455 bytes/
    )
  })
})

test.group('RouterOS client | framing', () => {
  const words = ['!re', '=comment=Pak Budi — Warung Kopi ☕', '=name=budi', '.tag=7']
  const stream = Buffer.concat([encodeSentence(words), encodeSentence(['!done', '.tag=7'])])

  test('decodes sentences split into 1-byte segments', ({ assert }) => {
    assert.deepEqual(feed(new SentenceDecoder(), stream, 1), [words, ['!done', '.tag=7']])
  })

  test('decodes the stream split at every possible byte', ({ assert }) => {
    for (let cut = 1; cut < stream.length; cut++) {
      const decoder = new SentenceDecoder()
      const sentences = [
        ...decoder.push(stream.subarray(0, cut)),
        ...decoder.push(stream.subarray(cut)),
      ]
      assert.deepEqual(sentences, [words, ['!done', '.tag=7']], `split at ${cut}`)
    }
  })

  test('counts lengths in bytes, not characters', ({ assert }) => {
    const encoded = encodeWord('☕')
    assert.deepEqual([...encoded], [3, 0xe2, 0x98, 0x95])
  })

  test('keeps "=" inside attribute values', ({ assert }) => {
    const parsed = parseSentence(['!re', '=comment=a=b', '=.id=*1A', '.tag=3'])
    assert.deepEqual(parsed.attributes, { 'comment': 'a=b', '.id': '*1A' })
    assert.equal(parsed.tag, '3')
  })

  test('a reserved control byte is a protocol error', ({ assert }) => {
    const decoder = new SentenceDecoder()
    try {
      decoder.push(Buffer.from([0x05, 0x21, 0x64, 0x6f, 0x6e, 0x65, 0xf8]))
      assert.fail('expected a protocol error')
    } catch (error) {
      assert.instanceOf(error, RouterError)
      assert.equal((error as RouterError).code, 'ROUTER_PROTOCOL')
    }
  })

  test('refuses to send an empty word that would end the sentence early', ({ assert }) => {
    assert.throws(() => encodeSentence(['/ip/address/print', '']), /ROUTER_PROTOCOL/)
  })
})
