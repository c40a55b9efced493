/**
 * The subscribers both setups know: same names, passwords and reply
 * attributes, so a login costs the same lookups on either side.
 */
export const NAS_IP = '10.250.0.1'

export const REPLY = { 'Mikrotik-Rate-Limit': '2M/10M', 'Session-Timeout': 3600 }

export interface BenchUser {
  username: string
  password: string
}

export function benchUsers(count: number): BenchUser[] {
  return Array.from({ length: count }, (_, i) => ({
    username: `bench-u${String(i + 1).padStart(5, '0')}`,
    password: `pw-${((i + 1) * 2654435761) % 1e9}`,
  }))
}
