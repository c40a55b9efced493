import type { ApiClient } from '@japa/api-client'

/**
 * Visits a panel page the way the Inertia client does after the first load:
 * with `X-Inertia` and the assets version the server announces (a 409 tells
 * the client the current version).
 */
export async function visitPage(client: ApiClient, url: string, headers: Record<string, string>) {
  const first = await client.get(url).headers(headers).header('x-inertia', 'true')
  if (first.status() !== 409) return first
  const version = first.header('x-inertia-version')!
  return client
    .get(url)
    .headers(headers)
    .header('x-inertia', 'true')
    .header('x-inertia-version', version)
}
