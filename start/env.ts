/*
 * Environment variables are validated once, at start. A missing or malformed
 * variable stops the process with one line naming it (see core/env/validate_env.ts).
 */
import { Env } from '@adonisjs/core/env'
import { validateEnv } from '#core/env/validate_env'

export default await validateEnv(new URL('../', import.meta.url), {
  NODE_ENV: Env.schema.enum(['development', 'production', 'test'] as const),
  PORT: Env.schema.number(),
  HOST: Env.schema.string({ format: 'host' }),
  APP_KEY: Env.schema.secret(),
  APP_URL: Env.schema.string({ format: 'url', tld: false }),
  APP_NAME: Env.schema.string.optional(),
  LOG_LEVEL: Env.schema.enum([
    'fatal',
    'error',
    'warn',
    'info',
    'debug',
    'trace',
    'silent',
  ] as const),

  DB_HOST: Env.schema.string({ format: 'host' }),
  DB_PORT: Env.schema.number(),
  DB_USER: Env.schema.string(),
  DB_PASSWORD: Env.schema.string.optional(),
  DB_DATABASE: Env.schema.string(),
  /* Role the app runs as; row-level security applies to it (created by the migrations when allowed) */
  DB_APP_USER: Env.schema.string.optional(),
  DB_APP_PASSWORD: Env.schema.string.optional(),

  REDIS_HOST: Env.schema.string({ format: 'host' }),
  REDIS_PORT: Env.schema.number(),
  REDIS_PASSWORD: Env.schema.string.optional(),
  REDIS_DB: Env.schema.number.optional(),

  /* Comma-separated folders scanned for plugins, relative to the app root */
  PLUGIN_DIRS: Env.schema.string.optional(),
  /* Prefix of every queue and cache key, so that test runs never touch a running platform */
  REDIS_PREFIX: Env.schema.string.optional(),
  QUEUE_CONCURRENCY: Env.schema.number.optional(),
  /* Base domain for tenant subdomains, e.g. isp.example.com → alpha.isp.example.com */
  TENANT_BASE_DOMAIN: Env.schema.string.optional(),
  METRICS_TOKEN: Env.schema.string.optional(),
  /* Proxies allowed to set X-Forwarded-For: proxy-addr names or CIDRs, comma-separated (default loopback) */
  TRUSTED_PROXIES: Env.schema.string.optional(),
  DEMO_PASSWORD: Env.schema.string.optional(),

  /* RS256 keys for API access tokens: PEM in the variable, or a file path */
  JWT_PRIVATE_KEY: Env.schema.string.optional(),
  JWT_PUBLIC_KEY: Env.schema.string.optional(),
  JWT_PRIVATE_KEY_FILE: Env.schema.string.optional(),
  JWT_PUBLIC_KEY_FILE: Env.schema.string.optional(),
  JWT_ISSUER: Env.schema.string.optional(),

  /* FreeRADIUS → platform: the shared secret header and who may call (proxy-addr names or CIDRs) */
  RADIUS_API_SECRET: Env.schema.string.optional(),
  RADIUS_ALLOWED_SOURCES: Env.schema.string.optional(),
  /* A lean listener for FreeRADIUS only (rlm_rest endpoints without the web stack); off when unset */
  RADIUS_REST_PORT: Env.schema.number.optional(),

  /* MikroTik: how long a router's session list stays cached, and how long a router may take to answer */
  MIKROTIK_SESSION_CACHE_TTL: Env.schema.number.optional(),
  MIKROTIK_ROUTER_TIMEOUT_MS: Env.schema.number.optional(),

  /* Outgoing mail (password resets) */
  SMTP_HOST: Env.schema.string.optional(),
  SMTP_PORT: Env.schema.number.optional(),
  SMTP_USERNAME: Env.schema.string.optional(),
  SMTP_PASSWORD: Env.schema.string.optional(),
  MAIL_FROM: Env.schema.string.optional(),

  /* Uploaded files (customer documents, logos): local disk by default, or S3/MinIO */
  DRIVE_DISK: Env.schema.enum.optional(['fs', 's3'] as const),
  S3_BUCKET: Env.schema.string.optional(),
  S3_REGION: Env.schema.string.optional(),
  S3_ENDPOINT: Env.schema.string.optional({ format: 'url', tld: false }),
  S3_ACCESS_KEY_ID: Env.schema.string.optional(),
  S3_SECRET_ACCESS_KEY: Env.schema.string.optional(),
  S3_FORCE_PATH_STYLE: Env.schema.boolean.optional(),
})
