import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, targets } from '@adonisjs/core/logger'

/**
 * Structured JSON logs on stdout in every environment but local development,
 * where they are pretty-printed. The request id is attached by the HTTP
 * context logger (`ctx.logger`), so every line of a request carries it.
 */
const loggerConfig = defineConfig({
  default: 'app',
  loggers: {
    app: {
      enabled: true,
      name: env.get('APP_NAME', 'isp-platform'),
      level: env.get('LOG_LEVEL'),
      redact: {
        paths: [
          'password',
          '*.password',
          'secret',
          '*.secret',
          'headers.authorization',
          'apiPassword',
        ],
        censor: '[redacted]',
      },
      transport: {
        targets: targets()
          .pushIf(!app.inProduction && process.stdout.isTTY && !app.inTest, targets.pretty())
          .pushIf(
            app.inProduction || !process.stdout.isTTY || app.inTest,
            targets.file({ destination: 1 })
          )
          .toArray(),
      },
    },
  },
})

export default loggerConfig

declare module '@adonisjs/core/types' {
  export interface LoggersList extends InferLoggers<typeof loggerConfig> {}
}
