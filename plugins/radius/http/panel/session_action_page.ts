import type { HttpContext } from '@adonisjs/core/http'
import { changeSessionValidator } from '../validators.js'
import { sessionControl, type SessionControlResult } from '../../services/session_control.js'
import { actingOf } from './panel_support.js'

/**
 * Disconnect or CoA from the active sessions page. Whatever the router
 * answered (confirmed, refused with a reason, silent, done on the router
 * instead) comes back to the page once, to be shown in the panel's language.
 */
export async function runSessionAction(ctx: HttpContext, kind: 'disconnect' | 'change') {
  const { tenantId, actor } = actingOf(ctx)
  const target = { tenantId, actor, sessionId: String(ctx.params.id) }
  let result: SessionControlResult
  if (kind === 'disconnect') {
    result = await sessionControl.disconnectSession(target)
  } else {
    const { attributes } = await ctx.request.validateUsing(changeSessionValidator)
    result = await sessionControl.changeSessionAttributes({ ...target, attributes })
  }
  ctx.session.flash('sessionAction', {
    action: result.action,
    ok: result.ok,
    sessions: result.sessions.map((s) => ({
      username: s.username,
      ok: s.ok,
      via: s.via,
      outcome: s.coa?.outcome ?? null,
      errorCause: s.coa?.errorCause ?? null,
      code: s.code ?? null,
      message: s.message,
    })),
  })
  ctx.response.redirect('/radius/sessions')
}
