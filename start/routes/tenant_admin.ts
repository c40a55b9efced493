/*
 * Tenant administration API: team members, roles, settings, audit log.
 */
import kernel from '#core/services/kernel'
import { coreApiRoute } from '#core/http/route_registrar'
import { tenantChain } from '#core/http/middleware/tenant_chain_middleware'

coreApiRoute(kernel, 'GET', '/users', () => import('#core/team/http/list_users')).use(
  tenantChain({ permission: 'users.read' })
)
coreApiRoute(kernel, 'POST', '/users', () => import('#core/team/http/create_user')).use(
  tenantChain({ permission: 'users.manage' })
)
coreApiRoute(kernel, 'PATCH', '/users/:id', () => import('#core/team/http/update_user')).use(
  tenantChain({ permission: 'users.manage' })
)

coreApiRoute(kernel, 'GET', '/roles', () => import('#core/team/http/list_roles')).use(
  tenantChain({ permission: 'users.read' })
)
coreApiRoute(kernel, 'POST', '/roles', () => import('#core/team/http/create_role')).use(
  tenantChain({ permission: 'roles.manage' })
)
coreApiRoute(kernel, 'PATCH', '/roles/:id', () => import('#core/team/http/update_role')).use(
  tenantChain({ permission: 'roles.manage' })
)
coreApiRoute(kernel, 'DELETE', '/roles/:id', () => import('#core/team/http/delete_role')).use(
  tenantChain({ permission: 'roles.manage' })
)
coreApiRoute(kernel, 'GET', '/permissions', () => import('#core/team/http/list_permissions')).use(
  tenantChain({ permission: 'users.read' })
)

// Every member may see which account they are in, even while it is isolated for an
// unpaid platform invoice (the panel names the account on its pay-now screen).
coreApiRoute(kernel, 'GET', '/tenant', () => import('#core/team/http/show_tenant')).use(
  tenantChain({ allowIsolated: true })
)
coreApiRoute(kernel, 'PATCH', '/tenant', () => import('#core/team/http/update_tenant')).use(
  tenantChain({ permission: 'tenant.settings' })
)

coreApiRoute(kernel, 'GET', '/audit-logs', () => import('#core/team/http/list_audit_logs')).use(
  tenantChain({ permission: 'audit.read' })
)
