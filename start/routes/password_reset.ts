/*
 * Password reset: forgot (emails a one-time link) → reset (sets the new password).
 */
import router from '@adonisjs/core/services/router'
import kernel from '#core/services/kernel'
import { middleware } from '#start/kernel'
import { coreApiRoute } from '#core/http/route_registrar'

coreApiRoute(
  kernel,
  'POST',
  '/auth/password/forgot',
  () => import('#core/auth/http/api_password_forgot')
)
coreApiRoute(
  kernel,
  'POST',
  '/auth/password/reset',
  () => import('#core/auth/http/api_password_reset')
)

// The panel's pages for the same flow, linked from the sign-in page and the emailed link.
router
  .group(() => {
    router.get('/forgot-password', [
      () => import('#core/auth/http/panel/show_forgot_password'),
      'handle',
    ])
    router.post('/forgot-password', [
      () => import('#core/auth/http/panel/request_reset_link'),
      'handle',
    ])
    router.get('/reset-password', [
      () => import('#core/auth/http/panel/show_reset_password'),
      'handle',
    ])
    router.post('/reset-password', [() => import('#core/auth/http/panel/reset_password'), 'handle'])
  })
  .use([middleware.session(), middleware.shield(), middleware.inertia()])
