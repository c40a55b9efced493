import type { HttpContext } from '@adonisjs/core/http'
import { ApiError, type FieldError } from '#core/http/api_error'
import { pushFormValidator } from '../../validators.js'
import { pushVouchers } from '../../actions/push_vouchers.js'
import { flashNotice, submitPanelForm } from './panel_support.js'

/** `name,password` per line; a comma, semicolon, tab or spaces separate the two. */
function parseLines(text: string) {
  const users: { line: number; name: string; password: string }[] = []
  const errors: FieldError[] = []
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim()
    if (!line || line.startsWith('#')) return
    const [name, password, ...rest] = line.split(/\s*[,;\t]\s*|\s+/)
    if (!name || !password || rest.length > 0) {
      errors.push({
        field: 'lines',
        message: `Line ${index + 1}: write the user name and the password, separated by a comma`,
        rule: 'line',
      })
    } else {
      users.push({ line: index + 1, name, password })
    }
  })
  return { users, errors }
}

/** The push form: the lines become hotspot users for the job; back to the page, now showing progress. */
export default class CreatePushPage {
  async handle(ctx: HttpContext) {
    let batchId = ''
    const pushed = await submitPanelForm(ctx, async () => {
      const input = await ctx.request.validateUsing(pushFormValidator)
      const { users, errors } = parseLines(input.lines)
      if (errors.length) throw ApiError.unprocessable(errors.slice(0, 1))
      if (users.length > 5000) {
        throw ApiError.unprocessable([
          { field: 'lines', message: 'At most 5000 users per push', rule: 'max' },
        ])
      }
      try {
        const result = await pushVouchers(ctx, ctx.params.id, {
          users: users.map((user) => ({
            name: user.name,
            password: user.password,
            profile: input.profile,
            limitUptime: input.limitUptime ?? undefined,
            comment: input.comment ?? undefined,
          })),
        })
        batchId = result.batchId
      } catch (error) {
        // The gateway names fields users.N.x; the form has one text area, so name the line.
        if (error instanceof ApiError && error.errors?.length) {
          const [first] = error.errors
          const at = /^users\.(\d+)\./.exec(first.field)
          throw ApiError.unprocessable([
            {
              field: at ? 'lines' : first.field,
              message: at ? `Line ${users[Number(at[1])].line}: ${first.message}` : first.message,
              rule: first.rule,
            },
          ])
        }
        throw error
      }
    })
    if (pushed) {
      flashNotice(ctx, { kind: 'success', key: 'pushQueued' })
      ctx.response.redirect(`/mikrotik/routers/${ctx.params.id}/push?batch=${batchId}`)
    }
  }
}
