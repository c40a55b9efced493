import { spawn } from 'node:child_process'
import { APP_ROOT } from '#core/plugins/boot_manifest'

/**
 * The web server in a process of its own, as production runs it: for tests
 * of what only a real process shows (logs on stdout, signals).
 */
export async function startServerProcess(port: string) {
  const child = spawn(process.execPath, ['--import=@poppinss/ts-exec', 'bin/server.ts'], {
    cwd: APP_ROOT,
    env: { ...process.env, PORT: port, LOG_LEVEL: 'info', NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  const deadline = Date.now() + 30_000
  while (!output.includes('started HTTP server') && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100))
  }
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code))
  )
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    exited,
    signal: (name: NodeJS.Signals) => child.kill(name),
    async stop() {
      child.kill('SIGTERM')
      return exited
    },
  }
}
