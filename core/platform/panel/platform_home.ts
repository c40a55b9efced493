import type { HttpContext } from '@adonisjs/core/http'

/** Where the sign-in sends a super admin: the platform's own pages live under /admin. */
export default class PlatformHome {
  async handle({ response }: HttpContext) {
    return response.redirect('/admin')
  }
}
