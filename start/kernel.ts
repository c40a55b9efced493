/*
 * Middleware: server-wide first, then router-wide, then the named middleware
 * that routes opt into. The tenant chain runs in this order:
 * tenant → tenantStatus → pluginEnabled.
 */
import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'

server.errorHandler(() => import('#core/http/exception_handler'))

server.use([() => import('#core/http/middleware/request_context_middleware')])

router.use([() => import('@adonisjs/core/bodyparser_middleware')])

export const middleware = router.named({
  tenant: () => import('#core/http/middleware/tenant_middleware'),
  tenantStatus: () => import('#core/http/middleware/tenant_status_middleware'),
  pluginEnabled: () => import('#core/http/middleware/plugin_enabled_middleware'),
})
