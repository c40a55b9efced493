import { spawn } from 'node:child_process'

/**
 * Runs FreeRADIUS in the foreground on a generated configuration directory,
 * for tests and for a supervisor that wants the logs on stdout.
 */
export interface StartFreeradiusOptions {
  configDir: string
  /** `-X`: full request traces in logs(), single-threaded. */
  debug?: boolean
  /** Path of the freeradius binary (Debian: /usr/sbin/freeradius). */
  binary?: string
  /** How long to wait for "Ready to process requests". Defaults to 10 s. */
  readyTimeoutMs?: number
}

export interface RunningFreeradius {
  pid: number
  /** SIGTERM, then SIGKILL after 5 s; resolves once the process is gone. */
  stop(): Promise<void>
  /** Everything FreeRADIUS printed so far (last 2 MB). */
  logs(): string
}

const READY_LINE = 'Ready to process requests'
const MAX_LOG_CHARS = 2_000_000

export async function startFreeradius(options: StartFreeradiusOptions): Promise<RunningFreeradius> {
  // `-l stdout` overrides the file destination of the generated radiusd.conf,
  // so readiness and errors can be read from the pipe.
  const args = ['-f', '-l', 'stdout', '-d', options.configDir]
  if (options.debug) args.push('-X')
  const child = spawn(options.binary ?? 'freeradius', args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: sbinEnv(),
  })

  let output = ''
  const append = (chunk: string) => {
    output += chunk
    if (output.length > MAX_LOG_CHARS) output = output.slice(-MAX_LOG_CHARS)
  }
  child.stdout.setEncoding('utf8').on('data', append)
  child.stderr.setEncoding('utf8').on('data', append)

  let exited = child.exitCode !== null
  const exitPromise = new Promise<void>((resolve) => {
    child.once('close', () => {
      exited = true
      resolve()
    })
  })
  // A test runner that dies must not leave a server holding the ports.
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)

  const stop = async () => {
    process.removeListener('exit', killOnExit)
    if (exited) return
    child.kill('SIGTERM')
    const forced = setTimeout(() => child.kill('SIGKILL'), 5000)
    await exitPromise
    clearTimeout(forced)
  }

  try {
    await waitUntilReady(child, () => output, exitPromise, options.readyTimeoutMs ?? 10_000)
  } catch (error) {
    await stop()
    throw error
  }

  return { pid: child.pid!, stop, logs: () => output }
}

function waitUntilReady(
  child: ReturnType<typeof spawn>,
  output: () => string,
  exitPromise: Promise<void>,
  timeoutMs: number
): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      clearTimeout(timer)
      child.stdout?.off('data', onData)
    }
    const onData = () => {
      if (output().includes(READY_LINE)) {
        cleanup()
        resolve()
      }
    }
    const timer = setTimeout(() => {
      cleanup()
      reject(
        new Error(
          `FREERADIUS_NOT_READY: no "${READY_LINE}" within ${timeoutMs} ms\n${tail(output())}`
        )
      )
    }, timeoutMs)
    child.once('error', (error) => {
      cleanup()
      reject(new Error(`FREERADIUS_NOT_STARTED: cannot run freeradius: ${error.message}`))
    })
    child.stdout?.on('data', onData)
    void exitPromise.then(() => {
      cleanup()
      reject(
        new Error(
          `FREERADIUS_EXITED: freeradius stopped with code ${child.exitCode} before it was ready\n${tail(output())}`
        )
      )
    })
  })
}

/** Runs `freeradius -C` on a directory: validates the configuration without binding ports. */
export async function checkFreeradiusConfig(
  configDir: string,
  binary = 'freeradius'
): Promise<void> {
  const child = spawn(binary, ['-C', '-l', 'stdout', '-d', configDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: sbinEnv(),
  })
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once('error', (error) => reject(new Error(`FREERADIUS_NOT_STARTED: ${error.message}`)))
    child.once('close', resolve)
  })
  if (exitCode !== 0) {
    throw new Error(
      `FREERADIUS_CONFIG_INVALID: freeradius -C failed (code ${exitCode})\n${tail(output)}`
    )
  }
}

/** Debian installs freeradius in /usr/sbin, which a non-root PATH often lacks. */
function sbinEnv(): NodeJS.ProcessEnv {
  const path = process.env.PATH ?? ''
  return { ...process.env, PATH: `${path}:/usr/local/sbin:/usr/sbin:/sbin` }
}

function tail(text: string, lines = 25): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n')
}
