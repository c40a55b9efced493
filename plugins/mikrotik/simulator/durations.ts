/** RouterOS duration strings such as `1w2d3h4m5s`, as the API prints them. */
const UNITS: Array<[string, number]> = [
  ['w', 604_800],
  ['d', 86_400],
  ['h', 3_600],
  ['m', 60],
  ['s', 1],
]

export function formatDuration(totalSeconds: number): string {
  let rest = Math.max(0, Math.floor(totalSeconds))
  if (rest === 0) return '0s'
  let out = ''
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size)
    if (count > 0) out += `${count}${unit}`
    rest -= count * size
  }
  return out
}

export function parseDuration(text: string | undefined): number {
  if (!text) return 0
  let total = 0
  for (const match of text.matchAll(/(\d+)([wdhms])/g)) {
    const size = UNITS.find(([unit]) => unit === match[2])![1]
    total += Number(match[1]) * size
  }
  return total
}
