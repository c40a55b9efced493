import net from 'node:net'
import { ApiError, type FieldError } from '#core/http/api_error'
import type { HotspotUserInput, IsolationRequest } from '../contracts.js'

/**
 * Checks what another plugin hands the gateway before anything reaches a
 * router. API words are length-prefixed, so nothing can be injected through
 * them, but a control character or an empty name would still leave a broken
 * entry on the router that an operator has to clean up by hand.
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/
const DURATION = /^(?=\d)(\d+w)?(\d+d)?(\d+h)?(\d+m)?(\d+s)?$/

function routerText(
  errors: FieldError[],
  field: string,
  value: unknown,
  options: { required: boolean; max: number }
) {
  if (value === undefined || value === null || value === '') {
    if (options.required) errors.push({ field, message: `${field} is required`, rule: 'required' })
    return
  }
  if (typeof value !== 'string' || CONTROL.test(value) || value.length > options.max) {
    errors.push({
      field,
      message: `${field} must be text of at most ${options.max} characters, without control characters`,
      rule: 'router_text',
    })
  }
}

function fail(errors: FieldError[]) {
  if (errors.length > 0) throw ApiError.unprocessable(errors)
}

export function checkIsolationRequest(request: IsolationRequest, restoring: boolean) {
  const errors: FieldError[] = []
  if (request.service !== 'pppoe' && request.service !== 'hotspot')
    errors.push({ field: 'service', message: 'service must be pppoe or hotspot', rule: 'enum' })
  if (request.method !== 'address_list' && request.method !== 'profile')
    errors.push({
      field: 'method',
      message: 'method must be address_list or profile',
      rule: 'enum',
    })
  const needsAddress = request.method === 'address_list'
  if (needsAddress && !request.address)
    errors.push({ field: 'address', message: 'address_list needs the address', rule: 'required' })
  if (request.address && (typeof request.address !== 'string' || !net.isIP(request.address)))
    errors.push({ field: 'address', message: 'address must be an IP address', rule: 'ip' })
  routerText(errors, 'username', request.username, {
    required: request.method === 'profile',
    max: 100,
  })
  routerText(errors, 'isolatedProfile', request.isolatedProfile, {
    required: request.method === 'profile' && !restoring,
    max: 100,
  })
  routerText(errors, 'list', request.list, { required: false, max: 64 })
  routerText(errors, 'comment', request.comment, { required: false, max: 200 })
  fail(errors)
}

export function checkHotspotUsers(users: HotspotUserInput[]) {
  const errors: FieldError[] = []
  if (!Array.isArray(users)) {
    errors.push({ field: 'users', message: 'users must be a list', rule: 'array' })
    fail(errors)
  }
  users.forEach((user, index) => {
    const at = `users.${index}`
    routerText(errors, `${at}.name`, user.name, { required: true, max: 64 })
    routerText(errors, `${at}.password`, user.password, { required: true, max: 64 })
    routerText(errors, `${at}.profile`, user.profile, { required: true, max: 100 })
    routerText(errors, `${at}.comment`, user.comment, { required: false, max: 200 })
    routerText(errors, `${at}.server`, user.server, { required: false, max: 64 })
    if (user.limitUptime !== undefined && !DURATION.test(user.limitUptime))
      errors.push({
        field: `${at}.limitUptime`,
        message: 'limitUptime must be a RouterOS duration such as 1d or 3h30m',
        rule: 'duration',
      })
  })
  fail(errors)
}
