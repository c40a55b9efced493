import type { PageMeta } from './table'

/** A team member as the server presents it (core/team/member_queries.ts). */
export interface Member {
  id: string
  email: string
  fullName: string
  phone: string | null
  status: 'active' | 'deactivated'
  roles: string[]
  lastLoginAt: string | null
  createdAt: string
  parentUserId: string | null
}

export interface RoleOption {
  slug: string
  name: string
  isSystem: boolean
}

export interface TeamAbilities {
  manageUsers: boolean
  manageRoles: boolean
  settings: boolean
  readAudit: boolean
}

export interface TeamPageProps {
  users: { data: Member[]; meta: PageMeta & { lastPage: number } }
  filters: { q: string; status: '' | 'active' | 'deactivated'; role: string }
  roles: RoleOption[]
  me: string
  minPasswordLength: number
  can: TeamAbilities
}

/** What the member editor holds; the password is asked only when adding someone. */
export interface MemberDraft {
  email: string
  fullName: string
  phone: string
  password: string
  roles: string[]
}

/** A role as the server presents it (core/team/role_queries.ts). */
export interface Role {
  id: string
  slug: string
  name: string
  permissions: string[]
  isSystem: boolean
  memberCount: number
}

export interface CatalogPermission {
  name: string
  description: string
  source: string
}

export interface CatalogGroup {
  area: string
  wildcard: string
  permissions: CatalogPermission[]
}

export interface RolesPageProps {
  roles: Role[]
  catalog: CatalogGroup[]
  plan: { name: string | null; customRoles: boolean }
}

export interface RoleDraft {
  name: string
  permissions: string[]
}
