import type { HttpContext } from '@adonisjs/core/http'
import { testConnection } from '../../actions/router_changes.js'
import { backToPage, flashNotice } from './panel_support.js'

/** The header's "test connection" button: the outcome shows on the page and tab it came from. */
export default class TestConnectionPage {
  async handle(ctx: HttpContext) {
    const { outcome } = await testConnection(ctx, ctx.params.id)
    flashNotice(
      ctx,
      outcome.ok
        ? { kind: 'success', key: 'connectionOk' }
        : { kind: 'error', key: 'connectionFailed', detail: outcome.error.message }
    )
    backToPage(ctx)
  }
}
