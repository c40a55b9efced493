/*
 * Child process that serves the simulated routers. They live outside the
 * benchmarked process so that their CPU time (encoding 2,000 rows per print)
 * and their memory (seeded rows, command log) do not show up in the
 * platform's figures: the parent only pays for what a real router would cost
 * it, the bytes on the socket.
 *
 * Protocol over IPC: argv gives routers / hotspot / ppp / password; the child
 * answers { ports } once all listen, and stops everything on 'stop'.
 */
import { RouterOsSimulator } from '../../plugins/mikrotik/simulator/index.js'

const [routers, hotspotActive, pppActive] = process.argv.slice(2, 5).map(Number)
const password = process.argv[5]

const sims: RouterOsSimulator[] = []
for (let i = 0; i < routers; i++) {
  const sim = new RouterOsSimulator({
    password,
    identity: `bench-${i + 1}`,
    version: '7.18.2',
    boardName: 'CCR2004-16G-2S+',
    // A fixed seed per router: the same data every run.
    seed: i + 1,
  })
  await sim.start()
  sim.seed({ hotspotActive, pppActive })
  sims.push(sim)
}

async function stopAll() {
  await Promise.all(sims.map((s) => s.stop()))
  process.exit(0)
}

process.on('message', (message) => {
  if (message === 'stop') void stopAll()
})
// The parent died without saying goodbye: do not linger as an orphan.
process.on('disconnect', () => void stopAll())

process.send!({ ports: sims.map((s) => s.port) })
