import { formatDuration } from './durations.js'
import type { Row } from './query.js'

export type { Row } from './query.js'

/** A failure the simulator reports to the client as `!trap`. */
export class SimulatorTrap extends Error {
  constructor(
    message: string,
    readonly category?: string
  ) {
    super(message)
  }
}

interface MenuSpec {
  /** Fields with their default values, in RouterOS print order. */
  defaults: Row
  /** Names must be unique; the noun goes into the duplicate message. */
  uniqueName?: 'user' | 'profile'
  /** Sessions are created by logins, not by `add`. */
  noAdd?: boolean
  /** Rows present on a fresh router. */
  initial?: Row[]
}

const MENUS: Record<string, MenuSpec> = {
  '/ip/hotspot/active': {
    noAdd: true,
    defaults: {
      'server': 'hotspot1',
      'user': '',
      'address': '',
      'mac-address': '',
      'login-by': 'http-chap',
      'uptime': '0s',
      'idle-time': '0s',
      'session-time-left': '',
      'bytes-in': '0',
      'bytes-out': '0',
      'packets-in': '0',
      'packets-out': '0',
      'radius': 'false',
    },
  },
  '/ip/hotspot/user': {
    uniqueName: 'user',
    defaults: {
      'name': '',
      'password': '',
      'profile': 'default',
      'server': 'all',
      'mac-address': '',
      'limit-uptime': '',
      'limit-bytes-total': '',
      'comment': '',
      'disabled': 'false',
    },
  },
  '/ip/hotspot/user/profile': {
    uniqueName: 'profile',
    defaults: {
      'name': '',
      'rate-limit': '',
      'shared-users': '1',
      'session-timeout': '',
      'address-pool': 'none',
      'address-list': '',
    },
    initial: [{ name: 'default' }],
  },
  '/ppp/active': {
    noAdd: true,
    defaults: {
      'name': '',
      'service': 'pppoe',
      'caller-id': '',
      'address': '',
      'uptime': '0s',
      'session-id': '',
      'radius': 'false',
    },
  },
  '/ppp/secret': {
    uniqueName: 'user',
    defaults: {
      'name': '',
      'password': '',
      'service': 'any',
      'profile': 'default',
      'local-address': '',
      'remote-address': '',
      'disabled': 'false',
      'comment': '',
    },
  },
  '/ppp/profile': {
    uniqueName: 'profile',
    defaults: {
      'name': '',
      'rate-limit': '',
      'local-address': '',
      'remote-address': '',
      'address-list': '',
      'only-one': 'default',
    },
    initial: [{ name: 'default' }, { name: 'default-encryption' }],
  },
  '/ip/dhcp-server/lease': {
    defaults: {
      'address': '',
      'mac-address': '',
      'host-name': '',
      'server': 'dhcp1',
      'status': 'bound',
      'expires-after': '10m',
      'last-seen': '0s',
      'dynamic': 'false',
      'blocked': 'false',
      'disabled': 'false',
      'comment': '',
    },
  },
  '/ip/firewall/address-list': {
    defaults: { list: '', address: '', timeout: '', comment: '', disabled: 'false' },
  },
}

/** Attributes accepted by add/set although they are not printed. */
const CONTROL_ATTRIBUTES = new Set(['copy-from', 'place-before'])

export interface RouterInfo {
  identity: string
  version: string
  boardName: string
}

/** In-memory menus of one simulated router. */
export class RouterState {
  readonly #rows = new Map<string, Row[]>()
  readonly #nextId = new Map<string, number>()
  readonly info: RouterInfo
  bootedAt = Date.now()

  constructor(info: RouterInfo) {
    this.info = info
    this.reset()
  }

  /** Back to a fresh router: only the built-in profiles. */
  reset(): void {
    for (const [path, spec] of Object.entries(MENUS)) {
      this.#rows.set(path, [])
      this.#nextId.set(path, 1)
      for (const row of spec.initial ?? []) this.add(path, row)
    }
  }

  menus(): string[] {
    return [...Object.keys(MENUS), '/system/resource', '/system/identity']
  }

  hasMenu(path: string): boolean {
    return path in MENUS || path === '/system/resource' || path === '/system/identity'
  }

  canAdd(path: string): boolean {
    return path in MENUS && !MENUS[path].noAdd
  }

  /** The live rows: tests may read and modify them directly. */
  rows(path: string): Row[] {
    if (path === '/system/resource') return [this.resource()]
    if (path === '/system/identity') return [{ name: this.info.identity }]
    const rows = this.#rows.get(path)
    if (!rows) throw new SimulatorTrap('no such command prefix')
    return rows
  }

  /** Finds by `.id`, or by name as `numbers=` allows on RouterOS. */
  find(path: string, idOrName: string): Row | undefined {
    return this.rows(path).find((row) => row['.id'] === idOrName || row.name === idOrName)
  }

  add(path: string, attributes: Row): Row {
    const spec = this.#spec(path)
    this.#checkAttributes(spec, attributes)
    if (spec.uniqueName) this.#checkUnique(path, spec.uniqueName, attributes.name)
    const next = this.#nextId.get(path)!
    this.#nextId.set(path, next + 1)
    const row: Row = { '.id': `*${next.toString(16).toUpperCase()}`, ...spec.defaults }
    for (const [name, value] of Object.entries(attributes)) {
      if (!CONTROL_ATTRIBUTES.has(name)) row[name] = value
    }
    this.#rows.get(path)!.push(row)
    return row
  }

  set(path: string, idOrName: string, attributes: Row): Row {
    if (path === '/system/identity') {
      if (attributes.name !== undefined) this.info.identity = attributes.name
      return { name: this.info.identity }
    }
    const spec = this.#spec(path)
    this.#checkAttributes(spec, attributes)
    const row = this.#mustFind(path, idOrName)
    if (spec.uniqueName && attributes.name !== undefined && attributes.name !== row.name) {
      this.#checkUnique(path, spec.uniqueName, attributes.name)
    }
    Object.assign(row, attributes)
    return row
  }

  /** Removing an active row is how RouterOS disconnects a session. */
  remove(path: string, idOrName: string): Row {
    this.#spec(path)
    const row = this.#mustFind(path, idOrName)
    const rows = this.#rows.get(path)!
    rows.splice(rows.indexOf(row), 1)
    return row
  }

  resource(): Row {
    const uptime = (Date.now() - this.bootedAt) / 1000
    // Load and memory wander a little so dashboards show movement.
    const wobble = Math.floor((Math.sin(Date.now() / 7000) + 1) * 10)
    return {
      'uptime': formatDuration(uptime),
      'version': `${this.info.version} (stable)`,
      'build-time': '2025-03-11 11:59:04',
      'free-memory': String(780_000_000 - wobble * 1_000_000),
      'total-memory': '1073741824',
      'cpu': 'ARM64',
      'cpu-count': '4',
      'cpu-frequency': '1800',
      'cpu-load': String(3 + wobble),
      'free-hdd-space': '96239616',
      'total-hdd-space': '134217728',
      'architecture-name': 'arm64',
      'board-name': this.info.boardName,
      'platform': 'MikroTik',
    }
  }

  #spec(path: string): MenuSpec {
    const spec = MENUS[path]
    if (!spec) throw new SimulatorTrap('no such command prefix')
    return spec
  }

  #mustFind(path: string, idOrName: string): Row {
    const row = this.find(path, idOrName)
    if (!row) throw new SimulatorTrap('no such item', '0')
    return row
  }

  #checkAttributes(spec: MenuSpec, attributes: Row) {
    for (const name of Object.keys(attributes)) {
      if (!(name in spec.defaults) && !CONTROL_ATTRIBUTES.has(name)) {
        throw new SimulatorTrap(`unknown parameter ${name}`, '1')
      }
    }
  }

  #checkUnique(path: string, noun: 'user' | 'profile', name: string | undefined) {
    if (name === undefined || name === '') return
    if (this.#rows.get(path)!.some((row) => row.name === name)) {
      throw new SimulatorTrap(`failure: already have ${noun} with this name`)
    }
  }
}
