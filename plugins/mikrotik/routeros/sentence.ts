import type { CommandOptions, RouterParams } from './types.js'

/**
 * Splits a decoded sentence into its parts. Shared by the client (replies)
 * and the simulator (requests) so both read words the same way.
 */
export interface ParsedSentence {
  /** First word: `!re`, `!done`, `/ip/address/print`, ... */
  head: string
  tag?: string
  /** `=name=value` words; the value keeps any further `=`. */
  attributes: Record<string, string>
  /** `?...` query words, verbatim without the leading `?`. */
  queries: string[]
  /** Words that are neither attributes, tags nor queries (e.g. a `!fatal` reason). */
  extra: string[]
}

export function parseSentence(words: ReadonlyArray<string>): ParsedSentence {
  const parsed: ParsedSentence = {
    head: words[0] ?? '',
    attributes: {},
    queries: [],
    extra: [],
  }
  for (let i = 1; i < words.length; i++) {
    const word = words[i]
    if (word.startsWith('=')) {
      const split = word.indexOf('=', 1)
      if (split === -1) parsed.attributes[word.slice(1)] = ''
      else parsed.attributes[word.slice(1, split)] = word.slice(split + 1)
    } else if (word.startsWith('.tag=')) {
      parsed.tag = word.slice(5)
    } else if (word.startsWith('?')) {
      parsed.queries.push(word.slice(1))
    } else {
      parsed.extra.push(word)
    }
  }
  return parsed
}

/** `=name=value`, the attribute word form. */
export function attributeWord(name: string, value: string | number | boolean): string {
  return `=${name}=${typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value)}`
}

/** `ip hotspot active`, `ip/hotspot/active/` and `/ip/hotspot/active` are one menu. */
export function normalizeMenu(path: string): string {
  const trimmed = path.trim().replace(/\s+/g, '/').replace(/\/+$/, '')
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`
}

/** The request words of one command, tag excluded. */
export function commandWords(
  path: string,
  params: RouterParams = {},
  options: Pick<CommandOptions, 'query' | 'proplist' | 'countOnly'> = {}
): string[] {
  const words = [normalizeMenu(path)]
  for (const [name, value] of Object.entries(params)) words.push(attributeWord(name, value))
  if (options.proplist?.length) words.push(`=.proplist=${options.proplist.join(',')}`)
  if (options.countOnly) words.push('=count-only=')
  for (const query of options.query ?? []) words.push(query.startsWith('?') ? query : `?${query}`)
  return words
}
