import { ApiError } from '#core/http/api_error'
import type { SessionControlResult } from '../services/session_control.js'

/**
 * What an API caller gets back from a session change: the outcome per
 * session when it worked, a 502 naming the router's answer when it did not.
 */
export function answerSessionControl(result: SessionControlResult) {
  const failed = result.sessions.find((session) => !session.ok)
  if (failed) throw new ApiError(502, failed.code ?? 'NAS_FAILED', failed.message)
  return { message: result.message, sessions: result.sessions }
}
