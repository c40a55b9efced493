/**
 * Permissions the core itself declares; plugins declare theirs in their
 * manifests. A role grants names or wildcards (`*`, `billing.*`).
 */
export const CORE_PERMISSIONS = [
  { name: 'users.read', description: 'See the team and their roles' },
  { name: 'users.manage', description: 'Invite, edit and deactivate team members' },
  { name: 'roles.manage', description: 'Create and edit roles' },
  { name: 'tenant.settings', description: 'Change the account name, logo, time zone and language' },
  { name: 'audit.read', description: 'Read the audit log' },
]

export function grants(granted: readonly string[], required: string): boolean {
  for (const permission of granted) {
    if (permission === '*' || permission === required) return true
    if (permission.endsWith('.*') && required.startsWith(permission.slice(0, -1))) return true
  }
  return false
}

export interface RoleTemplate {
  slug: string
  name: string
  permissions: string[]
  /** Created with every tenant */
  byDefault: boolean
}

/**
 * Built-in roles. The owner also acts as admin; on the basic plan the owner
 * is the only role (no separate RBAC).
 */
export const ROLE_TEMPLATES: RoleTemplate[] = [
  { slug: 'owner', name: 'Owner', permissions: ['*'], byDefault: true },
  { slug: 'admin', name: 'Admin', permissions: ['*'], byDefault: true },
  {
    slug: 'finance',
    name: 'Finance',
    permissions: ['billing.*', 'customers.read', 'voucher.read', 'reports.read', 'audit.read'],
    byDefault: false,
  },
  { slug: 'hr', name: 'HR', permissions: ['hr.*', 'users.read'], byDefault: true },
  {
    slug: 'technician',
    name: 'Technician',
    permissions: ['router.read', 'router.write', 'customers.read', 'maps.*', 'radius.read'],
    byDefault: true,
  },
]
