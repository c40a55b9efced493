import { randomBytes } from 'node:crypto'
import kernel from '#core/services/kernel'
import { platformDb } from '#core/tenancy/tenant_db'
import { createTenantUser, ensureDefaultRoles } from '#core/identity/accounts'
import { signAccessToken } from '#core/auth/tokens/access_tokens'

export interface TestTenant {
  id: string
  slug: string
  /** Host header of the tenant's own address */
  host: string
  owner: { id: string; email: string; password: string }
  /** Access token of the owner */
  token: string
  /** Headers that sign a request in as the owner, on the tenant's address */
  headers: { host: string; authorization: string }
}

export const TEST_PASSWORD = 'rahasia-123'

/** A fresh tenant with its default roles, an owner who can sign in, and the given plugins enabled. */
export async function createTenant(
  options: { plugins?: string[]; status?: string; name?: string; plan?: string } = {}
): Promise<TestTenant> {
  const slug = `t-${randomBytes(5).toString('hex')}`
  const { tenant, owner } = await platformDb().transaction(async (trx) => {
    const [row] = await trx
      .table('tenants')
      .insert({
        name: options.name ?? `Tenant ${slug}`,
        slug,
        status: options.status ?? 'active',
        plan: options.plan ?? 'pro',
      })
      .returning(['id', 'slug'])
    await ensureDefaultRoles(trx, row.id)
    const user = await createTenantUser(
      trx,
      row.id,
      {
        email: `owner@${slug}.test`,
        fullName: `Owner of ${slug}`,
        password: TEST_PASSWORD,
        roleSlugs: ['owner'],
      },
      'system:test'
    )
    return { tenant: row, owner: user }
  })
  for (const plugin of options.plugins ?? []) {
    await kernel.enablement.enable(tenant.id, plugin, { actor: 'system:test' })
  }
  const actor = (await kernel.actors.get(owner.id))!
  const { token } = await signAccessToken({
    userId: owner.id,
    tenantId: tenant.id,
    roleIds: actor.roleIds,
    features: [],
  })
  const host = `${tenant.slug}.localhost`
  return {
    id: tenant.id,
    slug: tenant.slug,
    host,
    owner: { id: owner.id, email: owner.email, password: TEST_PASSWORD },
    token,
    headers: { host, authorization: `Bearer ${token}` },
  }
}

/** A user of the tenant with the given roles, and headers that sign requests in as them. */
export async function createMember(tenant: TestTenant, roleSlugs: string[]) {
  const email = `${roleSlugs.join('-') || 'norole'}-${randomBytes(3).toString('hex')}@${tenant.slug}.test`
  const user = await platformDb().transaction((trx) =>
    createTenantUser(
      trx,
      tenant.id,
      { email, fullName: email, password: TEST_PASSWORD, roleSlugs },
      'system:test'
    )
  )
  const actor = (await kernel.actors.get(user.id))!
  const { token } = await signAccessToken({
    userId: user.id,
    tenantId: tenant.id,
    roleIds: actor.roleIds,
    features: [],
  })
  return { id: user.id, email, headers: { host: tenant.host, authorization: `Bearer ${token}` } }
}

/** A platform super admin (no tenant) and headers that sign requests in as them. */
export async function createPlatformAdmin() {
  const { createSuperAdmin } = await import('#core/identity/accounts')
  const email = `root-${randomBytes(4).toString('hex')}@platform.test`
  const user = await createSuperAdmin({
    email,
    fullName: 'Platform Admin',
    password: TEST_PASSWORD,
  })
  const { token } = await signAccessToken({
    userId: user.id,
    tenantId: null,
    roleIds: [],
    features: [],
  })
  return { id: user.id, email, token, headers: { authorization: `Bearer ${token}` } }
}
