import env from '#start/env'
import { defineConfig } from '@adonisjs/lucid'
import { migrationPaths } from '#core/plugins/boot_manifest'

/**
 * Core migrations run first, then each plugin's own folder in dependency
 * order, so a plugin's tables may reference the tables of plugins it requires.
 */
const dbConfig = defineConfig({
  connection: 'postgres',
  connections: {
    postgres: {
      client: 'pg',
      connection: {
        host: env.get('DB_HOST'),
        port: env.get('DB_PORT'),
        user: env.get('DB_USER'),
        password: env.get('DB_PASSWORD'),
        database: env.get('DB_DATABASE'),
      },
      pool: { min: 0, max: 10 },
      migrations: {
        naturalSort: true,
        paths: await migrationPaths(),
      },
      seeders: { paths: ['./database/seeders'] },
      // Models declare their columns themselves; no generated schema file.
      schemaGeneration: { enabled: false },
    },
  },
})

export default dbConfig
