import hash from '@adonisjs/core/services/hash'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { platformDb } from '../tenancy/tenant_db.js'
import { recordAudit } from '../audit/audit_log.js'
import { ApiError } from '../http/api_error.js'
import { ROLE_TEMPLATES } from './permissions.js'

export interface NewUser {
  email: string
  fullName: string
  password: string
  phone?: string | null
  locale?: string | null
  roleSlugs?: string[]
  parentUserId?: string | null
}

// A real hash of a random value, so that checking an unknown email costs as much as a known one.
let dummyHash: Promise<string> | undefined

/** The user a password belongs to, or null; never says which of the two was wrong. */
export async function verifyCredentials(email: string, password: string) {
  const user = await platformDb()
    .from('users')
    .whereRaw('email = ?::citext', [email.trim()])
    .select('id', 'password', 'status', 'tenant_id', 'is_super_admin')
    .first()
  if (!user) {
    dummyHash ??= hash.make(`${Math.random()}`)
    await hash.verify(await dummyHash, password)
    return null
  }
  if (!(await hash.verify(user.password, password))) return null
  return user.status === 'active' ? user : null
}

/** Creates the built-in roles of a new tenant (idempotent). */
export async function ensureDefaultRoles(trx: TransactionClientContract, tenantId: string) {
  for (const template of ROLE_TEMPLATES.filter((t) => t.byDefault)) {
    await trx.rawQuery(
      `INSERT INTO roles (tenant_id, slug, name, permissions, is_system) VALUES (?, ?, ?, ?, true)
       ON CONFLICT (tenant_id, slug) DO NOTHING`,
      [tenantId, template.slug, template.name, template.permissions]
    )
  }
}

/** Adds a user to a tenant with the given roles. Email must be unused platform-wide. */
export async function createTenantUser(
  trx: TransactionClientContract,
  tenantId: string,
  input: NewUser,
  actor: string
) {
  const taken = await trx.from('users').whereRaw('email = ?::citext', [input.email]).first()
  if (taken) {
    throw ApiError.unprocessable([
      { field: 'email', message: 'This email is already used by another account', rule: 'unique' },
    ])
  }
  const roles = await trx
    .from('roles')
    .where('tenant_id', tenantId)
    .whereIn('slug', input.roleSlugs ?? [])
    .select('id', 'slug')
  const missing = (input.roleSlugs ?? []).filter((slug) => !roles.some((r) => r.slug === slug))
  if (missing.length) {
    throw ApiError.unprocessable([
      { field: 'roles', message: `Unknown role: ${missing.join(', ')}`, rule: 'exists' },
    ])
  }
  const [user] = await trx
    .table('users')
    .insert({
      tenant_id: tenantId,
      email: input.email.trim().toLowerCase(),
      password: await hash.make(input.password),
      full_name: input.fullName,
      phone: input.phone ?? null,
      locale: input.locale ?? null,
      parent_user_id: input.parentUserId ?? null,
    })
    .returning(['id', 'email', 'full_name'])
  for (const role of roles) {
    await trx
      .table('user_roles')
      .insert({ tenant_id: tenantId, user_id: user.id, role_id: role.id })
  }
  await recordAudit(
    {
      tenantId,
      actor,
      action: 'user.created',
      subjectType: 'user',
      subjectId: user.id,
      after: { email: user.email, roles: roles.map((r) => r.slug) },
    },
    trx
  )
  return user as { id: string; email: string; full_name: string }
}

/** Creates a platform super admin (no tenant). */
export async function createSuperAdmin(input: {
  email: string
  fullName: string
  password: string
}) {
  const [user] = await platformDb()
    .table('users')
    .insert({
      tenant_id: null,
      is_super_admin: true,
      email: input.email.toLowerCase(),
      password: await hash.make(input.password),
      full_name: input.fullName,
    })
    .onConflict('email')
    .merge(['full_name', 'updated_at'])
    .returning(['id', 'email'])
  return user as { id: string; email: string }
}
