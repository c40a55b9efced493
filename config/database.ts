import env from '#start/env'
import { defineConfig } from '@adonisjs/lucid'
import { migrationPaths } from '#core/plugins/boot_manifest'

const server = {
  host: env.get('DB_HOST'),
  port: env.get('DB_PORT'),
  database: env.get('DB_DATABASE'),
}

const migrations = {
  naturalSort: true,
  // Core migrations run first, then each plugin's folder in dependency order.
  paths: await migrationPaths(),
}

/**
 * Two connections to the same database:
 * - `app` (the default) logs in as a role that row-level security applies to.
 *   A query on a tenant table sees only the rows of the tenant set for its
 *   transaction, and nothing when none is set (fail closed).
 * - `platform` logs in as the owner: migrations, seeders and the audited
 *   cross-tenant paths (super admin, schedulers, sign-in by email).
 */
const dbConfig = defineConfig({
  connection: 'app',
  connections: {
    app: {
      client: 'pg',
      connection: {
        ...server,
        user: env.get('DB_APP_USER', 'isp_app'),
        password: env.get('DB_APP_PASSWORD', ''),
      },
      pool: { min: 0, max: 20 },
      migrations,
      schemaGeneration: { enabled: false },
    },
    platform: {
      client: 'pg',
      connection: { ...server, user: env.get('DB_USER'), password: env.get('DB_PASSWORD') },
      pool: { min: 0, max: 5 },
      migrations,
      seeders: { paths: ['./database/seeders'] },
      schemaGeneration: { enabled: false },
    },
  },
})

export default dbConfig
