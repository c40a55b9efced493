/*
 * Super admin API (platform owner): tenants, plans, limits, features, plugins, impersonation.
 */
import kernel from '#core/services/kernel'
import { coreApiRoute } from '#core/http/route_registrar'
import { platformAdmin } from '#core/http/middleware/platform_admin_middleware'
import type { HttpMethod, LazyHandler } from '#core/plugins/plugin_router'

/** Every route here answers only to a signed-in super admin. */
const platform = (method: HttpMethod, path: string, handler: LazyHandler) =>
  coreApiRoute(kernel, method, `/platform${path}`, handler).use(platformAdmin())

platform('GET', '/tenants', () => import('#core/platform/http/list_tenants'))
platform('POST', '/tenants', () => import('#core/platform/http/create_tenant'))
platform('GET', '/tenants/:id', () => import('#core/platform/http/show_tenant'))
platform('PATCH', '/tenants/:id/plan', () => import('#core/platform/http/change_tenant_plan'))
platform(
  'PUT',
  '/tenants/:id/limits/:limitKey',
  () => import('#core/platform/http/override_tenant_limit')
)
platform('PATCH', '/tenants/:id/status', () => import('#core/platform/http/change_tenant_status'))
platform('PUT', '/tenants/:id/features', () => import('#core/platform/http/apply_feature_group'))
platform(
  'PATCH',
  '/tenants/:id/features/:feature',
  () => import('#core/platform/http/toggle_tenant_feature')
)
platform(
  'PUT',
  '/tenants/:id/plugins/:pluginId',
  () => import('#core/platform/http/toggle_tenant_plugin')
)
platform('POST', '/tenants/:id/addons', () => import('#core/platform/http/add_tenant_addon'))
platform(
  'DELETE',
  '/tenants/:id/addons/:addonId',
  () => import('#core/platform/http/cancel_tenant_addon')
)
platform(
  'POST',
  '/tenants/:id/addons/:addonId/approve',
  () => import('#core/platform/http/approve_tenant_addon')
)
platform(
  'POST',
  '/tenants/:id/addons/:addonId/reject',
  () => import('#core/platform/http/reject_tenant_addon')
)
platform('POST', '/tenants/:id/impersonate', () => import('#core/platform/http/impersonate_tenant'))
platform('GET', '/plans', () => import('#core/platform/http/list_plans'))
platform('PATCH', '/plans/:code', () => import('#core/platform/http/update_plan'))
platform('PATCH', '/feature-groups/:code', () => import('#core/platform/http/update_feature_group'))
platform('GET', '/audit-logs', () => import('#core/platform/http/list_audit_logs'))
