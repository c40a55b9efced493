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
    // Env lists each problem in `help` as "- <problem>" lines; join them into one line.
    const help = typeof (error as any)?.help === 'string' ? (error as any).help : ''
    const problems = help
      .split('\n')
      .map((line: string) => line.replace(/^-\s*/, '').trim())
      .filter(Boolean)
    const message = problems.length
      ? problems.join('; ')
      : ((error as Error)?.message ?? String(error))
    process.stderr.write(`ENV_INVALID: ${message}\n`)
    process.exit(1)
  }
}
