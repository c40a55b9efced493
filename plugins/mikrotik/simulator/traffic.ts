import { formatDuration, parseDuration } from './durations.js'
import type { Seeder } from './seed.js'
import type { RouterState } from './state.js'

/**
 * Moves the counters a monitoring screen watches: bytes and packets grow,
 * uptimes advance, time left shrinks.
 */
export function tickTraffic(state: RouterState, seeder: Seeder, seconds: number): void {
  for (const row of state.rows('/ip/hotspot/active')) {
    const down = seeder.int(2_000, 250_000) * seconds
    const up = Math.floor(down / seeder.int(3, 12))
    row['bytes-in'] = String(Number(row['bytes-in'] ?? 0) + up)
    row['bytes-out'] = String(Number(row['bytes-out'] ?? 0) + down)
    row['packets-in'] = String(Number(row['packets-in'] ?? 0) + Math.ceil(up / 120))
    row['packets-out'] = String(Number(row['packets-out'] ?? 0) + Math.ceil(down / 1200))
    row['uptime'] = formatDuration(parseDuration(row['uptime']) + seconds)
    row['idle-time'] = formatDuration(
      seeder.int(0, 1) ? 0 : parseDuration(row['idle-time']) + seconds
    )
    if (row['session-time-left']) {
      row['session-time-left'] = formatDuration(parseDuration(row['session-time-left']) - seconds)
    }
  }
  for (const row of state.rows('/ppp/active')) {
    row['uptime'] = formatDuration(parseDuration(row['uptime']) + seconds)
  }
}
