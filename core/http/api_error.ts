import { Exception } from '@adonisjs/core/exceptions'

export interface FieldError {
  field: string
  message: string
  rule?: string
}

/**
 * An error a client can act on: an HTTP status, a stable code and a sentence.
 * Rendered as `{ code, message, errors? }` by the exception handler.
 */
export class ApiError extends Exception {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly errors?: FieldError[]
  ) {
    super(message, { status, code })
  }

  static notFound(what: string) {
    return new ApiError(404, 'NOT_FOUND', `${what} was not found`)
  }

  static unprocessable(errors: FieldError[], message = 'Some fields are invalid') {
    return new ApiError(422, 'VALIDATION_FAILED', message, errors)
  }
}
