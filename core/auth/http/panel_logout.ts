import type { HttpContext } from '@adonisjs/core/http'

export default class PanelLogout {
  async handle({ response, session }: HttpContext) {
    session.clear()
    session.regenerate()
    return response.redirect('/login')
  }
}
