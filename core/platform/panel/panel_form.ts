import type { HttpContext } from '@adonisjs/core/http'
import type { VineValidator } from '@vinejs/vine'
import type { Infer, SchemaTypes } from '@vinejs/vine/types'
import { ApiError } from '../../http/api_error.js'

/** A refusal the page explains in the panel's language: its code, and names to put in the sentence. */
export interface PanelRefusal {
  code: string
  message: string
  params?: Record<string, string>
}

/**
 * Runs a change for a super admin form, then goes back to the page. The
 * services' refusals come back to the form: field messages for invalid
 * input (422), and any other refusal (a plugin still needed, a deactivated
 * tenant) as a message for the whole form, with its code for translation.
 */
export async function submitAdminForm(
  ctx: HttpContext,
  change: () => Promise<unknown>,
  options: {
    /** Where to go on success (default: back) */
    redirectTo?: (result: any) => string
    /** Names for the translated refusal message */
    refusalParams?: (error: ApiError) => Promise<Record<string, string>> | Record<string, string>
  } = {}
) {
  try {
    const result = await change()
    if (options.redirectTo) ctx.response.redirect(options.redirectTo(result))
    else ctx.response.redirect().back()
    return true
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error
    const fields = Object.fromEntries((error.errors ?? []).map((e) => [e.field, e.message]))
    if (error.status === 422 && Object.keys(fields).length) {
      ctx.session.flashErrors(fields)
    } else {
      ctx.session.flashErrors({ form: error.message })
      const refusal: PanelRefusal = {
        code: String(error.code ?? 'REFUSED'),
        message: error.message,
        params: options.refusalParams ? await options.refusalParams(error) : undefined,
      }
      ctx.session.flash('refusal', refusal)
    }
    ctx.response.redirect().back()
    return false
  }
}

/**
 * Validation errors back to the form without flashing the input: the panel
 * keeps what was typed, and a password never lands in the session store.
 */
export function flashInvalid(ctx: HttpContext, messages: { field: string; message: string }[]) {
  const fields: Record<string, string> = {}
  for (const { field, message } of messages) fields[field] ??= message
  ctx.session.flashErrors(fields)
  ctx.response.redirect().back()
}

/**
 * The form's input when valid; otherwise its messages go back to the form
 * (field by field) and the caller stops with null.
 */
export async function panelInput<Schema extends SchemaTypes>(
  ctx: HttpContext,
  validator: VineValidator<Schema, undefined>
): Promise<Infer<Schema> | null> {
  // The validators here take no metadata; the request's own signature cannot see that generically.
  const [error, input] = await (
    ctx.request.tryValidateUsing as (
      v: typeof validator
    ) => Promise<[{ messages: { field: string; message: string }[] } | null, Infer<Schema>]>
  ).call(ctx.request, validator)
  if (!error) return input
  flashInvalid(ctx, error.messages)
  return null
}

/** The refusal the last form flashed, for the page to explain. */
export function flashedRefusal(ctx: HttpContext): PanelRefusal | null {
  return (ctx.session.flashMessages.get('refusal') as PanelRefusal | undefined) ?? null
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A tenant id from the URL, or null when it cannot name one (the page shows 404). */
export function tenantIdParam(ctx: HttpContext): string | null {
  const id = String(ctx.params.id ?? '')
  return UUID.test(id) ? id : null
}
