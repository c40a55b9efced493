import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test } from '@japa/runner'

const UI = fileURLToPath(new URL('../../ui/', import.meta.url))
const messages = (locale: string) =>
  JSON.parse(readFileSync(join(UI, 'i18n', `${locale}.json`), 'utf8')) as Record<string, unknown>

function keys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value && typeof value === 'object'
      ? keys(value as Record<string, unknown>, `${prefix}${key}.`)
      : [`${prefix}${key}`]
  )
}

function uiSources(dir = UI): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? uiSources(join(dir, entry.name))
      : /\.(vue|ts)$/.test(entry.name)
        ? [readFileSync(join(dir, entry.name), 'utf8')]
        : []
  )
}

test.group('MikroTik | panel messages', () => {
  test('Indonesian and English have the same messages', ({ assert }) => {
    assert.deepEqual(keys(messages('id')).sort(), keys(messages('en')).sort())
  })

  test('every message the pages ask for exists in both languages', ({ assert }) => {
    const known = new Set(keys(messages('en')))
    const asked = new Set<string>()
    for (const source of uiSources()) {
      for (const match of source.matchAll(/['`]mikrotik\.([a-zA-Z.]+)['`]/g)) asked.add(match[1])
    }
    assert.isAbove(asked.size, 50)
    // A name of a whole group (a comment mentioning `mikrotik.notice`) is not a message.
    const isGroup = (key: string) => [...known].some((k) => k.startsWith(`${key}.`))
    const missing = [...asked].filter((key) => !known.has(key) && !isGroup(key))
    assert.deepEqual(missing, [])
  })

  test('every notice the server flashes has its text', ({ assert }) => {
    const known = new Set(keys(messages('en')))
    const panel = fileURLToPath(new URL('../../http/panel/', import.meta.url))
    const flashed = readdirSync(panel).flatMap((file) => [
      ...readFileSync(join(panel, file), 'utf8').matchAll(/key: '(\w+)'/g),
    ])
    assert.isAbove(flashed.length, 5)
    for (const [, key] of flashed) assert.isTrue(known.has(`notice.${key}`), `notice.${key}`)
  })
})
