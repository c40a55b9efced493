import { spawn } from 'node:child_process'

/**
 * A typed wrapper over FreeRADIUS's `radclient`, so tests (and operators'
 * smoke checks) drive the real server the way a NAS would.
 */
export type RadclientPacketType = 'auth' | 'acct' | 'status' | 'disconnect' | 'coa'

export type RadiusReplyCode =
  | 'Access-Accept'
  | 'Access-Reject'
  | 'Access-Challenge'
  | 'Accounting-Response'
  | 'Disconnect-ACK'
  | 'Disconnect-NAK'
  | 'CoA-ACK'
  | 'CoA-NAK'

export type RadclientAttributeValue = string | number | (string | number)[]

export interface RadclientOptions {
  host: string
  port: number
  secret: string
  type: RadclientPacketType
  /** Attribute name → value (an array repeats the attribute), or raw radclient input. */
  attributes: Record<string, RadclientAttributeValue> | string
  /** Send the packet this many times (`-c`). */
  count?: number
  /** Packets in flight at once (`-p`). */
  parallel?: number
  /** Seconds to wait for each reply (`-t`). Defaults to 3. */
  timeoutSeconds?: number
  /** Attempts per packet (`-r`). Defaults to 1: a test wants the first answer. */
  retries?: number
  /** Path of the radclient binary. */
  binary?: string
}

export interface RadclientReply {
  code: RadiusReplyCode
  attributes: Record<string, string[]>
}

export interface RadclientResult {
  /** Code of the first reply, or `timeout` when none came back. */
  code: RadiusReplyCode | 'timeout'
  /** Attributes of the first reply; strings unquoted, other values as printed. */
  attributes: Record<string, string[]>
  /** Every reply, in the order radclient printed them (with `count`). */
  replies: RadclientReply[]
  /** Packets radclient gave up on. */
  timeouts: number
  /** radclient's stdout and stderr, for assertion messages. */
  raw: string
}

export async function radclient(options: RadclientOptions): Promise<RadclientResult> {
  const timeoutSeconds = options.timeoutSeconds ?? 3
  const retries = options.retries ?? 1
  const count = options.count ?? 1
  const args = ['-x', '-t', String(timeoutSeconds), '-r', String(retries), '-c', String(count)]
  if (options.parallel !== undefined) args.push('-p', String(options.parallel))
  // The secret is an argument: fine for tests and smoke checks, but use
  // `radclient -S file` by hand on a shared machine (argv is visible in ps).
  args.push(`${options.host}:${options.port}`, options.type, options.secret)

  const input =
    typeof options.attributes === 'string'
      ? options.attributes
      : encodeAttributes(options.attributes)
  // radclient's own deadline is timeout × retries per packet; this is a backstop.
  const deadlineMs = (timeoutSeconds * retries * count + 10) * 1000
  const { stdout, stderr, exitCode } = await run(
    options.binary ?? 'radclient',
    args,
    input,
    deadlineMs
  )
  const raw = stdout + stderr

  const replies = parseReplies(raw)
  const timeouts = (raw.match(/No reply from server for ID/g) ?? []).length
  if (replies.length === 0 && timeouts === 0) {
    throw new Error(
      `RADCLIENT_FAILED: radclient exited with ${exitCode}: ${stderr.trim() || stdout.trim()}`
    )
  }
  return {
    code: replies[0]?.code ?? 'timeout',
    attributes: replies[0]?.attributes ?? {},
    replies,
    timeouts,
    raw,
  }
}

/** One attribute per line, every value double-quoted (radclient parses numbers, names and 0x octets inside quotes). */
export function encodeAttributes(attributes: Record<string, RadclientAttributeValue>): string {
  const lines: string[] = []
  for (const [name, value] of Object.entries(attributes)) {
    if (!/^[A-Za-z0-9][A-Za-z0-9.:-]*$/.test(name)) {
      throw new Error(
        `RADCLIENT_INVALID: attribute name ${JSON.stringify(name)} is not a dictionary name`
      )
    }
    for (const item of Array.isArray(value) ? value : [value]) {
      const text = String(item)
      if (/[\r\n]/.test(text)) {
        throw new Error(`RADCLIENT_INVALID: value of ${name} must not contain a newline`)
      }
      lines.push(`${name} = "${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)
    }
  }
  return lines.join('\n') + '\n'
}

/** Reads the `Received <Code> Id ...` blocks of `radclient -x` output. */
export function parseReplies(output: string): RadclientReply[] {
  const replies: RadclientReply[] = []
  let current: RadclientReply | undefined
  for (const line of output.split('\n')) {
    const received = /^Received (\S+) Id \d+ /.exec(line)
    if (received) {
      current = { code: received[1] as RadiusReplyCode, attributes: {} }
      replies.push(current)
      continue
    }
    const attribute = /^\t([A-Za-z0-9.:-]+) = (.*)$/.exec(line)
    if (current && attribute) {
      const [, name, value] = attribute
      ;(current.attributes[name] ??= []).push(unquote(value))
      continue
    }
    current = undefined
  }
  return replies
}

function unquote(value: string): string {
  if (!value.startsWith('"') || !value.endsWith('"') || value.length < 2) return value
  const escapes: Record<string, string> = { 'n': '\n', 'r': '\r', 't': '\t', '"': '"', '\\': '\\' }
  return value
    .slice(1, -1)
    .replace(/\\([0-7]{3}|.)/g, (_match, escaped: string) =>
      escaped.length === 3
        ? String.fromCharCode(Number.parseInt(escaped, 8))
        : (escapes[escaped] ?? escaped)
    )
}

function run(binary: string, args: string[], input: string, deadlineMs: number) {
  return new Promise<{ stdout: string; stderr: string; exitCode: number | null }>(
    (resolve, reject) => {
      const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'] })
      let stdout = ''
      let stderr = ''
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
      const timer = setTimeout(() => child.kill('SIGKILL'), deadlineMs)
      child.on('error', (error) => {
        clearTimeout(timer)
        reject(new Error(`RADCLIENT_FAILED: cannot run ${binary}: ${error.message}`))
      })
      child.on('close', (exitCode) => {
        clearTimeout(timer)
        resolve({ stdout, stderr, exitCode })
      })
      child.stdin.on('error', () => {}) // radclient may exit before reading everything
      child.stdin.end(input)
    }
  )
}
