import { test } from '@japa/runner'
import {
  CHARSETS,
  codeSpace,
  minimumLength,
  randomCode,
  secureIndex,
  uniqueCodes,
} from '../../services/code_generator.js'

test.group('Voucher | code generator', () => {
  test('codes use only their charset, at the asked length, after the prefix', ({ assert }) => {
    for (const [name, alphabet] of Object.entries(CHARSETS)) {
      const codes = uniqueCodes(500, {
        prefix: 'WF',
        charset: name as keyof typeof CHARSETS,
        length: 8,
      })
      for (const code of codes) {
        assert.lengthOf(code, 10, code)
        assert.isTrue(code.startsWith('WF'), code)
        for (const char of code.slice(2)) assert.include(alphabet, char, `${name}: ${code}`)
      }
    }
  })

  test('no charset holds a character people confuse on paper', ({ assert }) => {
    for (const alphabet of Object.values(CHARSETS)) {
      for (const char of ['0', 'O', '1', 'l', 'I', 'o', 'i']) assert.notInclude(alphabet, char)
    }
    const many =
      randomCode('alnum', 16) +
      uniqueCodes(2000, { prefix: '', charset: 'alnum', length: 6 }).join('')
    assert.notMatch(many, /[01OIl]/)
  })

  test('5,000 codes from the shortest safe length are all distinct', ({ assert }) => {
    const length = minimumLength('numeric', 5000)!
    assert.equal(length, 8, '8^8 is the first power of 8 above 5,000,000')
    const codes = uniqueCodes(5000, { prefix: '', charset: 'numeric', length })
    assert.lengthOf(codes, 5000)
    assert.equal(new Set(codes).size, 5000)
  })

  test('every character of the alphabet turns up (the randomness is not stuck)', ({ assert }) => {
    const seen = new Set(uniqueCodes(300, { prefix: '', charset: 'upper', length: 8 }).join(''))
    assert.equal(seen.size, CHARSETS.upper.length)
  })

  test('codes already taken are never returned, even from a poor random source', ({ assert }) => {
    let next = 0
    const cycling = (max: number) => next++ % max
    const taken = new Set(['2345'])
    const codes = uniqueCodes(
      3,
      { prefix: '', charset: 'numeric', length: 4, random: cycling },
      taken
    )
    assert.notInclude(codes, '2345')
    assert.equal(new Set(codes).size, codes.length)
  })

  test('the code space grows with charset and length', ({ assert }) => {
    assert.equal(codeSpace('numeric', 4), 4096)
    assert.equal(codeSpace('upper', 4), 24 ** 4)
    assert.equal(codeSpace('alnum', 5), 32 ** 5)
    assert.isNull(minimumLength('numeric', 10 ** 13))
  })

  test('the secure source is uniform for every alphabet size, 24 included', ({ assert }) => {
    for (const max of [8, 24, 32]) {
      const counts = new Array(max).fill(0)
      const draws = max * 5000
      for (let i = 0; i < draws; i++) counts[secureIndex(max)]++
      // 5,000 expected per value; 10 % either way is far beyond chance (sd ≈ 70).
      for (const count of counts) assert.approximately(count, 5000, 500, `max ${max}`)
    }
  })
})
