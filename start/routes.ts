/*
 * URLs → handlers. Core endpoints are listed here; every plugin's routes are
 * registered by the kernel from the plugin manifests.
 */
import router from '@adonisjs/core/services/router'
import kernel from '#core/services/kernel'
import { coreApiRoute, registerPluginRoutes } from '#core/http/route_registrar'
import { middleware } from '#start/kernel'
import { tenantChain } from '#core/http/middleware/tenant_chain_middleware'

router.get('/health/live', [
  () => import('#core/http/controllers/health_live_controller'),
  'handle',
])
router.get('/health/ready', [
  () => import('#core/http/controllers/health_ready_controller'),
  'handle',
])
router.get('/metrics', [() => import('#core/http/controllers/metrics_controller'), 'handle'])
router.get('/api/openapi.json', [
  () => import('#core/http/controllers/openapi_controller'),
  'handle',
])
router.get('/api/docs', [() => import('#core/http/controllers/api_docs_controller'), 'handle'])
router.get('/assets/*', [() => import('#core/http/controllers/assets_controller'), 'handle'])
router.get('/.well-known/jwks.json', [() => import('#core/auth/http/jwks'), 'handle'])

coreApiRoute(kernel, 'POST', '/auth/login', () => import('#core/auth/http/api_login'))
coreApiRoute(kernel, 'POST', '/auth/refresh', () => import('#core/auth/http/api_refresh'))
coreApiRoute(kernel, 'POST', '/auth/logout', () => import('#core/auth/http/api_logout'))
coreApiRoute(kernel, 'GET', '/auth/me', () => import('#core/auth/http/api_me'))

// Panel: session, CSRF protection and Inertia.
router
  .group(() => {
    router.get('/login', [() => import('#core/auth/http/show_login'), 'handle'])
    router.post('/login', [() => import('#core/auth/http/panel_login'), 'handle'])
    router.post('/logout', [() => import('#core/auth/http/panel_logout'), 'handle'])
  })
  .use([middleware.session(), middleware.shield(), middleware.inertia()])
router
  .get('/', [() => import('#core/http/controllers/show_dashboard'), 'handle'])
  .use([
    middleware.session(),
    middleware.shield(),
    tenantChain({ panel: true }),
    middleware.inertia(),
  ])

await import('#start/routes/password_reset')
await import('#start/routes/platform')
await import('#start/routes/platform_panel')
await import('#start/routes/tenant_admin')

await registerPluginRoutes(kernel)
