import env from '#start/env'
import { defineConfig, transports } from '@adonisjs/mail'

const port = env.get('SMTP_PORT') ?? 587
const username = env.get('SMTP_USERNAME')

/**
 * Outgoing mail (password reset links) through one SMTP relay. Port 465
 * speaks TLS from the first byte; any other port upgrades with STARTTLS when
 * the relay offers it.
 */
const mailConfig = defineConfig({
  default: 'smtp',
  // "Name <address>" or a bare address, as nodemailer reads it.
  from: env.get('MAIL_FROM') ?? 'ISP Platform <no-reply@localhost>',
  mailers: {
    smtp: transports.smtp({
      host: env.get('SMTP_HOST') ?? '127.0.0.1',
      port,
      secure: port === 465,
      // Relays that accept mail from the platform's address need no login.
      auth: username
        ? { type: 'login', user: username, pass: env.get('SMTP_PASSWORD') ?? '' }
        : undefined,
      // A dead relay should show up in the logs within seconds, not after minutes.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    }),
  },
})

export default mailConfig

declare module '@adonisjs/mail/types' {
  export interface MailersList extends InferMailers<typeof mailConfig> {}
}
