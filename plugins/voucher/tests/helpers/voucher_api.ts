import type { ApiClient } from '@japa/api-client'
import { createTenant, type TestTenant } from '#tests/helpers/tenants'

/** The voucher plugin's API as someone: signed in, on their tenant's address. */
export const voucherApi = (client: ApiClient, headers: Record<string, string>) => ({
  get: (path: string, query: Record<string, unknown> = {}) =>
    client.get(`/api/v1${path}`).headers(headers).qs(query),
  post: (path: string, body: object = {}) =>
    client.post(`/api/v1${path}`).headers(headers).json(body),
  patch: (path: string, body: object) => client.patch(`/api/v1${path}`).headers(headers).json(body),
  delete: (path: string) => client.delete(`/api/v1${path}`).headers(headers),
})

export const aVoucherPackage = (overrides: Record<string, unknown> = {}) => ({
  name: 'Voucher 5K',
  price: 5_000,
  downloadKbps: 5_000,
  uploadKbps: 1_000,
  durationMinutes: 300,
  validityDays: 7,
  profileName: 'voucher-5k',
  ...overrides,
})

export const aBatch = (packageId: string, overrides: Record<string, unknown> = {}) => ({
  packageId,
  count: 10,
  prefix: 'WF',
  charset: 'alnum',
  length: 6,
  mode: 'code',
  ...overrides,
})

/** A tenant with the voucher plugin (and RADIUS, which it needs) and one package. */
export async function tenantWithPackage(
  client: ApiClient,
  overrides: Record<string, unknown> = {}
) {
  const tenant: TestTenant = await createTenant({ plugins: ['radius', 'voucher'] })
  const api = voucherApi(client, tenant.headers)
  const response = await api.post('/voucher-packages', aVoucherPackage(overrides))
  response.assertStatus(201)
  return { tenant, api, pkg: response.body() }
}
