/**
 * rlm_rest sends `{ "<Attr>": { "type": "...", "value": [...] } }`; this reads
 * the first value of each attribute, as strings and numbers.
 */
export type RadiusAttributes = Record<string, string | number | undefined>

export function readAttributes(body: unknown): RadiusAttributes {
  const attributes: RadiusAttributes = {}
  if (!body || typeof body !== 'object') return attributes
  for (const [name, entry] of Object.entries(body as Record<string, any>)) {
    const value = entry?.value?.[0]
    if (typeof value === 'string' || typeof value === 'number') attributes[name] = value
  }
  return attributes
}

export const text = (attributes: RadiusAttributes, name: string) => {
  const value = attributes[name]
  return value === undefined ? undefined : String(value)
}

export const count = (attributes: RadiusAttributes, name: string) => {
  const value = Number(attributes[name] ?? 0)
  return Number.isFinite(value) && value >= 0 ? value : 0
}

/** A reply body: every attribute goes to the reply list unless it names its list. */
export function replyBody(reply: Record<string, string | number>) {
  return Object.fromEntries(
    Object.entries(reply).map(([name, value]) => [
      name.includes(':') ? name : `reply:${name}`,
      value,
    ])
  )
}

export function reject(code: string) {
  return { 'reply:Reply-Message': code }
}
