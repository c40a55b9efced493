import { Env } from '@adonisjs/core/env'

type Schema = Parameters<typeof Env.create>[1]

/**
 * Wraps Env.create so that a bad environment ends the process with a single
 * readable line (`ENV_INVALID: Missing environment variable "DB_HOST"`) instead
 * of a stack trace; operators read this in systemd or container logs.
 */
export async function validateEnv<S extends Schema>(appRoot: URL, schema: S) {
  try {
    return await Env.create(appRoot, schema)
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
    process.stderr.write(`ENV_INVALID: ${message}\n`)
    process.exit(1)
  }
}
