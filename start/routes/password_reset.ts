/*
 * Password reset: forgot (emails a one-time link) → reset (sets the new password).
 */
import kernel from '#core/services/kernel'
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
