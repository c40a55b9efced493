import app from '@adonisjs/core/services/app'
import { ExceptionHandler, type HttpContext } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'
import { ApiError } from './api_error.js'
import { renderPanelError } from './panel_errors.js'
import {
  translateCode,
  translateServiceFieldErrors,
  translateValidationMessages,
} from './error_messages.js'

const DEFAULT_VALIDATION_MESSAGE = 'Some fields are invalid'

/**
 * Every error leaves as `{ code, message, errors? }`. Client mistakes keep
 * their 4xx status and an actionable message; anything else is logged with
 * the request id and answered as a 500 that reveals nothing internal.
 */
export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = !app.inProduction && !app.inTest

  async handle(error: unknown, ctx: HttpContext) {
    // Field messages in the request's language, whichever way the validator was called.
    if (error instanceof vineErrors.E_VALIDATION_ERROR && ctx.i18n) {
      translateValidationMessages(ctx.i18n, error.messages)
    }
    if (await renderPanelError(error, ctx)) return
    const { status, body } = this.#toResponse(error, ctx)
    return ctx.response.status(status).json(body)
  }

  async report(error: unknown, ctx: HttpContext) {
    const status = (error as any)?.status
    if (typeof status === 'number' && status < 500) return
    // A device we talk to being down (a router answering 502/504) is news, not a bug.
    if (error instanceof ApiError) {
      ctx.logger.warn({ code: error.code, status: error.status }, error.message)
      return
    }
    ctx.logger.error({ err: error }, 'request failed')
  }

  #toResponse(error: unknown, ctx: HttpContext): { status: number; body: Record<string, unknown> } {
    const i18n = ctx.i18n
    if (error instanceof ApiError) {
      const generic =
        error.code === 'VALIDATION_FAILED' && error.message !== DEFAULT_VALIDATION_MESSAGE
      return {
        status: error.status,
        body: {
          code: error.code,
          // A refusal with its own words for a form (e.g. "Nothing to change") keeps them.
          message:
            i18n && !generic ? translateCode(i18n, error.code, error.message) : error.message,
          ...(error.errors
            ? { errors: i18n ? translateServiceFieldErrors(i18n, error.errors) : error.errors }
            : {}),
        },
      }
    }
    if (error instanceof vineErrors.E_VALIDATION_ERROR) {
      return {
        status: 422,
        body: {
          code: 'VALIDATION_FAILED',
          message: i18n
            ? translateCode(i18n, 'VALIDATION_FAILED', DEFAULT_VALIDATION_MESSAGE)
            : DEFAULT_VALIDATION_MESSAGE,
          errors: error.messages,
        },
      }
    }
    const status = (error as any)?.status
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const code = (error as any)?.code
      const fallback = status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST'
      return {
        status,
        body: {
          code:
            typeof code === 'string' && code.startsWith('E_') ? code.slice(2) : (code ?? fallback),
          message:
            status === 404 && code === 'E_ROUTE_NOT_FOUND'
              ? `Cannot ${ctx.request.method()} ${ctx.request.url()}`
              : (error as Error).message,
        },
      }
    }
    const fallback = `Something went wrong on our side. Quote request id ${ctx.request.id()} to support.`
    return {
      status: 500,
      body: {
        code: 'INTERNAL_ERROR',
        message: i18n
          ? translateCode(i18n, 'INTERNAL_ERROR', fallback, { requestId: ctx.request.id() })
          : fallback,
      },
    }
  }
}
