import type { ApiClient } from '@japa/api-client'
import { createTenant, type TestTenant } from '#tests/helpers/tenants'

/** The customers plugin's API as someone: signed in, on their tenant's address. */
export const crmApi = (client: ApiClient, headers: Record<string, string>) => ({
  get: (path: string, query: Record<string, unknown> = {}) =>
    client.get(`/api/v1${path}`).headers(headers).qs(query),
  post: (path: string, body: object = {}) =>
    client.post(`/api/v1${path}`).headers(headers).json(body),
  patch: (path: string, body: object) => client.patch(`/api/v1${path}`).headers(headers).json(body),
  delete: (path: string) => client.delete(`/api/v1${path}`).headers(headers),
})

export const aPackage = (overrides: Record<string, unknown> = {}) => ({
  name: 'Paket 10M',
  type: 'postpaid_monthly',
  price: 150_000,
  service: 'pppoe',
  downloadKbps: 10_000,
  uploadKbps: 2_000,
  profileName: 'paket-10m',
  addressPool: 'pool-10m',
  ...overrides,
})

export async function tenantWithCrm(plan?: string) {
  return createTenant({ plugins: ['customers'], plan })
}

/** A tenant with one customer and one package, ready for accounts. */
export async function tenantWithCustomerAndPackage(client: ApiClient, tenant?: TestTenant) {
  const owner = tenant ?? (await tenantWithCrm())
  const api = crmApi(client, owner.headers)
  const customer = await api.post('/customers', { name: 'Budi Santoso', phone: '081234567890' })
  customer.assertStatus(201)
  const pkg = await api.post('/packages', aPackage())
  pkg.assertStatus(201)
  return { tenant: owner, api, customer: customer.body(), pkg: pkg.body() }
}
