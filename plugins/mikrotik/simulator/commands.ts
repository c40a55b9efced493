import type { ParsedSentence } from '../routeros/sentence.js'
import { applyProplist, compileQuery } from './query.js'
import { type Row, type RouterState, SimulatorTrap } from './state.js'

/**
 * Menu commands (print, add, set, remove, enable, disable) against the
 * in-memory state. Returns reply sentences without tags; the session adds
 * the tag and writes them.
 */
export interface CommandSettings {
  /** RouterOS 7.18+ answers a print that matched nothing with `!empty`. */
  emptyReplies: boolean
}

export interface CommandOutcome {
  replies: string[][]
  /** Rows removed from an active menu: sessions that were disconnected. */
  removed?: Row[]
}

function rowWords(head: string, row: Row): string[] {
  return [head, ...Object.entries(row).map(([name, value]) => `=${name}=${value}`)]
}

export function trapReplies(message: string, category?: string): string[][] {
  const trap = ['!trap']
  if (category !== undefined) trap.push(`=category=${category}`)
  trap.push(`=message=${message}`)
  return [trap, ['!done']]
}

/** Attributes without the API-level ones (`.id`, `.proplist`, ...). */
function plainAttributes(attributes: Record<string, string>): Row {
  const plain: Row = {}
  for (const [name, value] of Object.entries(attributes)) {
    if (!name.startsWith('.') && name !== 'numbers' && name !== 'count-only') plain[name] = value
  }
  return plain
}

/** `=.id=*1,*2` and `=numbers=name` both address items. */
function targets(attributes: Record<string, string>): string[] {
  const raw = attributes['.id'] ?? attributes.numbers
  if (raw === undefined || raw === '') throw new SimulatorTrap('no such item', '0')
  return raw.split(',')
}

function print(
  state: RouterState,
  menu: string,
  request: ParsedSentence,
  settings: CommandSettings
) {
  let matches: (row: Row) => boolean
  try {
    matches = compileQuery(request.queries)
  } catch {
    throw new SimulatorTrap('invalid query', '5')
  }
  const rows = state.rows(menu).filter(matches)
  if ('count-only' in request.attributes) return [['!done', `=ret=${rows.length}`]]
  if (rows.length === 0) return settings.emptyReplies ? [['!empty'], ['!done']] : [['!done']]
  const proplist = request.attributes['.proplist']
  return [...rows.map((row) => rowWords('!re', applyProplist(row, proplist))), ['!done']]
}

export function runCommand(
  state: RouterState,
  request: ParsedSentence,
  settings: CommandSettings
): CommandOutcome {
  const split = request.head.lastIndexOf('/')
  const menu = request.head.slice(0, split)
  const verb = request.head.slice(split + 1)
  if (split <= 0 || !state.hasMenu(menu)) return { replies: trapReplies('no such command prefix') }
  const singleton = menu.startsWith('/system/')
  try {
    switch (verb) {
      case 'print':
      case 'getall':
        return { replies: print(state, menu, request, settings) }
      case 'add': {
        if (!state.canAdd(menu)) break
        const row = state.add(menu, plainAttributes(request.attributes))
        return { replies: [['!done', `=ret=${row['.id']}`]] }
      }
      case 'set': {
        if (menu === '/system/identity') {
          state.set(menu, '', plainAttributes(request.attributes))
          return { replies: [['!done']] }
        }
        if (singleton) break
        for (const id of targets(request.attributes)) {
          state.set(menu, id, plainAttributes(request.attributes))
        }
        return { replies: [['!done']] }
      }
      case 'enable':
      case 'disable': {
        if (singleton) break
        for (const id of targets(request.attributes)) {
          state.set(menu, id, { disabled: verb === 'disable' ? 'true' : 'false' })
        }
        return { replies: [['!done']] }
      }
      case 'remove': {
        if (singleton) break
        const ids = targets(request.attributes)
        // Check all first so a bad id removes nothing, as RouterOS does.
        for (const id of ids)
          if (!state.find(menu, id)) throw new SimulatorTrap('no such item', '0')
        const removed = ids.map((id) => state.remove(menu, id))
        return { replies: [['!done']], removed }
      }
    }
  } catch (error) {
    if (error instanceof SimulatorTrap)
      return { replies: trapReplies(error.message, error.category) }
    throw error
  }
  return { replies: trapReplies('no such command prefix') }
}
