/*
 * URLs → handlers. Core endpoints are listed here; every plugin's routes are
 * registered by the kernel from the plugin manifests.
 */
import router from '@adonisjs/core/services/router'
import kernel from '#core/services/kernel'
import { registerPluginRoutes } from '#core/http/route_registrar'

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

await registerPluginRoutes(kernel)
