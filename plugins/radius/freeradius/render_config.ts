import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { isIP } from 'node:net'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** A NAS (router) allowed to send RADIUS packets to this server. */
export interface FreeradiusClient {
  /** Unique label, e.g. `rtr-cempaka`. Letters, digits, `.`, `_`, `-`. */
  name: string
  /** Source address of the NAS: an IP address or a CIDR range. */
  ipaddr: string
  /** RADIUS shared secret configured on the router. */
  secret: string
}

export interface FreeradiusConfigOptions {
  /** Directory the configuration is written to (created when missing). */
  outputDir: string
  /** Base URL of the platform; `/radius/auth` etc. are appended. */
  platformUrl: string
  /** Header carrying the caller secret. Defaults to `X-Radius-Secret`. */
  secretHeader?: string
  /** Value of the caller secret header the platform expects. */
  secret: string
  /** Address to listen on: an IP address or `*` (all IPv4). Defaults to `*`. */
  listenAddress?: string
  authPort: number
  acctPort: number
  /** How long one call to the platform may take. Defaults to 2 seconds. */
  restTimeoutSeconds?: number
  /** Delay before an Access-Reject leaves, against guessing. Defaults to 1. */
  rejectDelaySeconds?: number
  clients: FreeradiusClient[]
  /** Overrides for non-Debian layouts. */
  templatesDir?: string
  libDir?: string
  dictionaryDir?: string
}

export const DEFAULT_SECRET_HEADER = 'X-Radius-Secret'

const DEFAULT_TEMPLATES_DIR = fileURLToPath(
  new URL('../../../infra/freeradius/templates/', import.meta.url)
)

/**
 * Writes a self-contained FreeRADIUS configuration directory from the
 * templates, with every `{{placeholder}}` filled. Inputs are validated
 * first: a quote or a newline in a value would let it rewrite the
 * configuration around it.
 */
export async function renderFreeradiusConfig(options: FreeradiusConfigOptions): Promise<void> {
  const values = placeholderValues(options)
  const templatesDir = options.templatesDir ?? DEFAULT_TEMPLATES_DIR
  const outputDir = values.config_dir

  // FreeRADIUS refuses a world-writable configuration directory, and the
  // files hold secrets, so nothing here is readable by others.
  await mkdir(outputDir, { recursive: true, mode: 0o750 })
  await chmod(outputDir, 0o750)

  for (const templatePath of await listFiles(templatesDir)) {
    const target = join(outputDir, relative(templatesDir, templatePath))
    const rendered = fillPlaceholders(await readFile(templatePath, 'utf8'), values, templatePath)
    await mkdir(dirname(target), { recursive: true, mode: 0o750 })
    await writeFile(target, rendered, { mode: 0o640 })
    await chmod(target, 0o640)
  }
}

function placeholderValues(options: FreeradiusConfigOptions): Record<string, string> {
  const outputDir = checkPath('outputDir', resolve(String(options.outputDir)))
  const header = options.secretHeader ?? DEFAULT_SECRET_HEADER
  if (!/^[A-Za-z0-9-]+$/.test(header)) {
    fail('secretHeader', header, 'must be an HTTP header name (letters, digits and -)')
  }
  const listenAddress = options.listenAddress ?? '*'
  if (listenAddress !== '*' && isIP(listenAddress) === 0) {
    fail('listenAddress', listenAddress, 'must be an IP address or *')
  }
  checkPort('authPort', options.authPort)
  checkPort('acctPort', options.acctPort)
  if (options.authPort === options.acctPort) {
    fail('acctPort', String(options.acctPort), 'must differ from authPort')
  }

  return {
    config_dir: outputDir,
    lib_dir: checkPath('libDir', options.libDir ?? '/usr/lib/freeradius'),
    dictionary_dir: checkPath('dictionaryDir', options.dictionaryDir ?? '/usr/share/freeradius'),
    platform_url: platformBaseUrl(options.platformUrl),
    secret_header: header,
    secret: checkSecret('secret', options.secret),
    listen_address: listenAddress,
    auth_port: String(options.authPort),
    acct_port: String(options.acctPort),
    rest_timeout: String(
      checkSeconds('restTimeoutSeconds', options.restTimeoutSeconds ?? 2, 0.1, 30)
    ),
    reject_delay: String(checkSeconds('rejectDelaySeconds', options.rejectDelaySeconds ?? 1, 0, 5)),
    clients: renderClients(options.clients),
  }
}

function renderClients(clients: FreeradiusClient[]): string {
  if (!Array.isArray(clients) || clients.length === 0) {
    throw new Error('FREERADIUS_CONFIG_INVALID: clients must list at least one NAS')
  }
  const seen = new Set<string>()
  return clients
    .map((client, index) => {
      const field = `clients[${index}]`
      if (!/^[A-Za-z0-9_.-]+$/.test(client.name ?? '')) {
        fail(`${field}.name`, client.name, 'may hold only letters, digits, ".", "_" and "-"')
      }
      if (seen.has(client.name)) fail(`${field}.name`, client.name, 'is used by another client')
      seen.add(client.name)
      checkAddressOrRange(`${field}.ipaddr`, client.ipaddr)
      const secret = checkSecret(`${field}.secret`, client.secret)
      return [
        `client ${client.name} {`,
        `\tipaddr = ${client.ipaddr}`,
        `\tsecret = '${secret}'`,
        `\tshortname = ${client.name}`,
        `\tproto = udp`,
        '}',
      ].join('\n')
    })
    .join('\n\n')
}

function platformBaseUrl(value: string): string {
  checkConfigValue('platformUrl', value)
  let url: URL
  try {
    url = new URL(value)
  } catch {
    fail('platformUrl', value, 'is not a valid URL')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    fail('platformUrl', value, 'must start with http:// or https://')
  }
  // rlm_rest expands `%{...}` in URIs and the config parser expands `${...}`.
  if (/[\s%$]/.test(value) || url.search || url.hash) {
    fail('platformUrl', value, 'must not contain spaces, %, $, a query or a fragment')
  }
  return value.replace(/\/+$/, '')
}

/** Values land inside single quotes, where only a quote or backslash is special. */
function checkSecret(field: string, value: string): string {
  checkConfigValue(field, value, { hidden: true })
  if (value.length === 0) fail(field, null, 'must not be empty')
  if (!/^[\x21-\x7e]+$/.test(value)) {
    fail(field, null, 'may hold only printable ASCII without spaces')
  }
  return value
}

function checkConfigValue(field: string, value: string, { hidden = false } = {}): string {
  if (typeof value !== 'string') fail(field, hidden ? null : String(value), 'must be a string')
  if (/[\r\n\0'"\\`]/.test(value)) {
    fail(field, hidden ? null : value, 'must not contain quotes, backslashes or newlines')
  }
  return value
}

/** Paths are written unquoted (`confdir = /x`), so spaces, `#` or `$` would change their meaning. */
function checkPath(field: string, value: string): string {
  if (typeof value !== 'string' || !/^\/[A-Za-z0-9_.+\/-]*$/.test(value)) {
    fail(field, String(value), 'must be an absolute path of letters, digits and . _ + - /')
  }
  return value
}

function checkPort(field: string, port: number) {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    fail(field, String(port), 'must be an integer from 1 to 65535')
  }
}

function checkSeconds(field: string, value: number, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    fail(field, String(value), `must be a number of seconds from ${min} to ${max}`)
  }
  return value
}

function checkAddressOrRange(field: string, value: string) {
  const [address, prefix, extra] = String(value).split('/')
  const family = isIP(address)
  const maxPrefix = family === 6 ? 128 : 32
  const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix)
  if (family === 0 || !prefixOk || extra !== undefined) {
    fail(field, value, 'must be an IP address or a CIDR range such as 10.0.0.0/24')
  }
}

/** `value: null` keeps secrets out of error messages (and so out of logs). */
function fail(field: string, value: string | null, problem: string): never {
  const got = value === null ? '' : ` (got ${JSON.stringify(value)})`
  throw new Error(`FREERADIUS_CONFIG_INVALID: ${field} ${problem}${got}`)
}

function fillPlaceholders(template: string, values: Record<string, string>, file: string): string {
  return template.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (_match, name: string) => {
    const value = values[name]
    if (value === undefined) {
      throw new Error(`FREERADIUS_TEMPLATE_INVALID: ${file} uses unknown placeholder {{${name}}}`)
    }
    return value
  })
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name)
      return entry.isDirectory() ? listFiles(path) : Promise.resolve([path])
    })
  )
  return nested.flat().sort()
}
