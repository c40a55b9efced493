/*
 * Middleware: server-wide first, then router-wide, then the named middleware
 * that routes opt into. Plugin routes get the tenant chain (tenant → tenant
 * status → plugin enabled) from core/http/route_registrar.ts.
 */
import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'
// `ctx.i18n`, made on first use in the request's language.
import '#core/http/request_locale'

server.errorHandler(() => import('#core/http/exception_handler'))

server.use([() => import('#core/http/middleware/request_context_middleware')])

router.use([() => import('@adonisjs/core/bodyparser_middleware')])

export const middleware = router.named({
  session: () => import('@adonisjs/session/session_middleware'),
  shield: () => import('@adonisjs/shield/shield_middleware'),
  inertia: () => import('#core/http/middleware/inertia_middleware'),
})
