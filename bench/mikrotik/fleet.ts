import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export interface Fleet {
  ports: number[]
  stop(): Promise<void>
}

/** Starts `routers` simulators, each with the given active sessions, in one child process. */
export function startFleet(options: {
  routers: number
  hotspotActive: number
  pppActive: number
  password: string
}): Promise<Fleet> {
  const child = fork(
    fileURLToPath(new URL('./simulators.ts', import.meta.url)),
    [options.routers, options.hotspotActive, options.pppActive, options.password].map(String),
    { execArgv: ['--import=@poppinss/ts-exec'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }
  )
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`simulator process exited early (${code})`)))
    child.once('message', (message: { ports: number[] }) =>
      resolve({
        ports: message.ports,
        stop: async () => {
          if (child.connected) child.send('stop')
          await exited
        },
      })
    )
  })
}
