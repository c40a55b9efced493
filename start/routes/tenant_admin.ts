/*
 * Tenant administration API: team members, roles, settings, audit log.
 */
import router from '@adonisjs/core/services/router'
import kernel from '#core/services/kernel'
import { middleware } from '#start/kernel'
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

/*
 * Panel pages of the same areas. Their forms post to these routes (session +
 * CSRF): refused fields come back to the form, in the user's language.
 */
const panel = (options: { permission?: string; allowIsolated?: boolean } = {}) => [
  middleware.session(),
  middleware.shield(),
  tenantChain({ panel: true, ...options }),
  middleware.inertia(),
]

router
  .get('/team', [() => import('#core/team/http/panel/team_page'), 'handle'])
  .use(panel({ permission: 'users.read' }))
router
  .post('/team', [() => import('#core/team/http/panel/create_user_page'), 'handle'])
  .use(panel({ permission: 'users.manage' }))
router
  .patch('/team/:id', [() => import('#core/team/http/panel/update_user_page'), 'handle'])
  .use(panel({ permission: 'users.manage' }))

router
  .get('/roles', [() => import('#core/team/http/panel/roles_page'), 'handle'])
  .use(panel({ permission: 'roles.manage' }))
router
  .post('/roles', [() => import('#core/team/http/panel/create_role_page'), 'handle'])
  .use(panel({ permission: 'roles.manage' }))
router
  .patch('/roles/:id', [() => import('#core/team/http/panel/update_role_page'), 'handle'])
  .use(panel({ permission: 'roles.manage' }))
router
  .delete('/roles/:id', [() => import('#core/team/http/panel/delete_role_page'), 'handle'])
  .use(panel({ permission: 'roles.manage' }))

router
  .get('/settings', [() => import('#core/team/http/panel/settings_page'), 'handle'])
  .use(panel({ permission: 'tenant.settings' }))
router
  .post('/settings', [() => import('#core/team/http/panel/update_settings_page'), 'handle'])
  .use(panel({ permission: 'tenant.settings' }))
router
  .post('/settings/logo', [() => import('#core/team/http/panel/upload_logo_page'), 'handle'])
  .use(panel({ permission: 'tenant.settings' }))
router
  .delete('/settings/logo', [() => import('#core/team/http/panel/remove_logo_page'), 'handle'])
  .use(panel({ permission: 'tenant.settings' }))
// Every member sees the logo, also on the suspended-account screen.
router
  .get('/tenant-logo', [() => import('#core/team/http/show_logo'), 'handle'])
  .use([middleware.session(), tenantChain({ panel: true, allowIsolated: true })])

router
  .get('/audit-log', [() => import('#core/team/http/panel/audit_log_page'), 'handle'])
  .use(panel({ permission: 'audit.read' }))

// Everyone's own profile; reachable while the account is suspended (a password can still change).
router
  .get('/profile', [() => import('#core/identity/http/profile_page'), 'handle'])
  .use(panel({ allowIsolated: true }))
router
  .post('/profile', [() => import('#core/identity/http/update_profile_page'), 'handle'])
  .use(panel({ allowIsolated: true }))
router
  .post('/profile/password', [() => import('#core/identity/http/change_password_page'), 'handle'])
  .use(panel({ allowIsolated: true }))
// The language switch works before signing in too (the sign-in page has one).
router
  .post('/locale', [() => import('#core/identity/http/set_locale'), 'handle'])
  .use([middleware.session(), middleware.shield(), middleware.inertia()])
