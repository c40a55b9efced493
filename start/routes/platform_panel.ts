/*
 * The super admin's panel pages (platform owner). Session, CSRF and Inertia
 * like every panel page; forms post here rather than to `/api/v1/platform`,
 * whose routes take bearer tokens. The handlers call the same services.
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { platformPanel } from '#core/platform/panel/panel_guard'

const panel = (options: { whileImpersonating?: boolean } = {}) => [
  middleware.session(),
  middleware.shield(),
  middleware.inertia(),
  platformPanel(options),
]

// The sign-in sends a super admin to /platform.
router.get('/platform', [() => import('#core/platform/panel/platform_home'), 'handle']).use(panel())

router
  .group(() => {
    router.get('/', [() => import('#core/platform/panel/dashboard_page'), 'handle'])
    router.get('/tenants', [() => import('#core/platform/panel/tenants_page'), 'handle'])
    router.post('/tenants', [() => import('#core/platform/panel/create_tenant_page'), 'handle'])
    router.get('/tenants/:id', [() => import('#core/platform/panel/tenant_page'), 'handle'])
    router.patch('/tenants/:id/plan', [
      () => import('#core/platform/panel/change_plan_page'),
      'handle',
    ])
    router.put('/tenants/:id/limits/:limitKey', [
      () => import('#core/platform/panel/override_limit_page'),
      'handle',
    ])
    router.patch('/tenants/:id/status', [
      () => import('#core/platform/panel/change_status_page'),
      'handle',
    ])
    router.put('/tenants/:id/features', [
      () => import('#core/platform/panel/apply_feature_group_page'),
      'handle',
    ])
    router.patch('/tenants/:id/features/:feature', [
      () => import('#core/platform/panel/toggle_feature_page'),
      'handle',
    ])
    router.put('/tenants/:id/plugins/:pluginId', [
      () => import('#core/platform/panel/toggle_plugin_page'),
      'handle',
    ])
    router.post('/tenants/:id/addons', [
      () => import('#core/platform/panel/add_addon_page'),
      'handle',
    ])
    router.delete('/tenants/:id/addons/:addonId', [
      () => import('#core/platform/panel/cancel_addon_page'),
      'handle',
    ])
    router.post('/tenants/:id/addons/:addonId/approve', [
      () => import('#core/platform/panel/approve_addon_page'),
      'handle',
    ])
    router.post('/tenants/:id/addons/:addonId/reject', [
      () => import('#core/platform/panel/reject_addon_page'),
      'handle',
    ])
    router.post('/tenants/:id/impersonate', [
      () => import('#core/platform/panel/impersonate_page'),
      'handle',
    ])
    router.get('/plans', [() => import('#core/platform/panel/plans_page'), 'handle'])
    router.patch('/plans/:code', [() => import('#core/platform/panel/update_plan_page'), 'handle'])
    router.patch('/feature-groups/:code', [
      () => import('#core/platform/panel/update_feature_group_page'),
      'handle',
    ])
  })
  .prefix('/admin')
  .use(panel())

// While impersonating: the page that says so, and the way back.
router
  .group(() => {
    router.get('/impersonation', [
      () => import('#core/platform/panel/impersonation_page'),
      'handle',
    ])
    router.post('/impersonation/stop', [
      () => import('#core/platform/panel/stop_impersonation_page'),
      'handle',
    ])
  })
  .prefix('/admin')
  .use(panel({ whileImpersonating: true }))
