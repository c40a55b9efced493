import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

// A full collection before each sample, so the figures show what is retained,
// not how much garbage the last pass happened to leave. Enabling the flag at
// run time spares every caller from remembering --expose-gc.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

export interface MemorySample {
  rssMb: number
  heapUsedMb: number
  /** Buffers outside the JS heap (socket chunks, encoded Redis values) */
  externalMb: number
}

export function sampleMemory(): MemorySample {
  gc()
  gc()
  const { rss, heapUsed, external } = process.memoryUsage()
  return { rssMb: rss / 2 ** 20, heapUsedMb: heapUsed / 2 ** 20, externalMb: external / 2 ** 20 }
}
