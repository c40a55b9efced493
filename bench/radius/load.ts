import { spawn } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Packet } from './udp_client.js'
import { radclientFile } from './packets.js'

export interface PassResult {
  sent: number
  accepted: number
  rejected: number
  lost: number
  seconds: number
  perSecond: number
}

/**
 * One closed-loop throughput pass: radclient keeps `parallel` packets in
 * flight from a file and repeats the file `count` times. The rate is the
 * answered packets over radclient's wall time (its start-up, about the same
 * for both setups, is included).
 */
export async function radclientPass(options: {
  dir: string
  name: string
  port: number
  type: 'auth' | 'acct'
  secret: string
  packets: Packet[]
  count: number
  parallel: number
  /** radclient crawls when packets go unanswered (it waits out each timeout): give up after this. */
  deadlineSeconds?: number
}): Promise<PassResult> {
  const file = join(options.dir, `${options.name}.txt`)
  await writeFile(file, radclientFile(options.packets))
  const args = ['-q', '-s', '-t', '2', '-r', '1', '-c', String(options.count)]
  args.push('-p', String(options.parallel), '-f', file)
  args.push(`127.0.0.1:${options.port}`, options.type, options.secret)

  const started = performance.now()
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn('radclient', args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let text = ''
    const deadline = (options.deadlineSeconds ?? 60) * 1000
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(
        new Error(
          `${options.name}: radclient did not finish within ${deadline / 1000} s — the server is dropping packets`
        )
      )
    }, deadline)
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
    child.on('error', reject)
    child.on('close', () => {
      clearTimeout(timer)
      resolve(text)
    })
  })
  const seconds = (performance.now() - started) / 1000
  const field = (label: string) => {
    const match = new RegExp(`${label}\\s*:\\s*(\\d+)`).exec(output)
    if (!match) throw new Error(`radclient printed no "${label}" summary:\n${output.slice(-2000)}`)
    return Number(match[1])
  }
  const accepted = field('Accepted')
  const rejected = field('Rejected')
  const lost = field('Lost')
  return {
    sent: options.packets.length * options.count,
    accepted,
    rejected,
    lost,
    seconds,
    perSecond: accepted / seconds,
  }
}
