import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantIsolation } from '#core/tenancy/rls'

const APP_ROLE = process.env.DB_APP_USER || 'isp_app'
const TENANT_TABLES = [
  'tenant_plugins',
  'audit_logs',
  'users',
  'roles',
  'user_roles',
  'tenant_addons',
  'refresh_tokens',
]

/**
 * Isolation in the database. The app connects as APP_ROLE, which is neither
 * a superuser nor the tables' owner and cannot bypass row-level security;
 * the owner (who runs migrations) keeps full access for platform work.
 */
export default class extends BaseSchema {
  async up() {
    if (!/^[a-z_][a-z0-9_]*$/.test(APP_ROLE))
      throw new Error(`DB_APP_USER "${APP_ROLE}" is not a valid role name`)
    const password = process.env.DB_APP_PASSWORD
    this.schema.raw(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          CREATE ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE
            ${password ? `PASSWORD '${password.replace(/'/g, "''")}'` : ''};
        END IF;
      END $$;`)
    this.schema.raw(`
      CREATE OR REPLACE FUNCTION app_current_tenant() RETURNS uuid
        LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$`)
    this.schema.raw(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`)
    this.schema.raw(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`
    )
    this.schema.raw(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`)
    // Tables that later migrations create are granted too.
    this.schema.raw(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}`
    )
    this.schema.raw(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${APP_ROLE}`
    )
    // The app reads the migration table only to know the schema version.
    this.schema.raw(`REVOKE INSERT, UPDATE, DELETE ON adonis_schema FROM ${APP_ROLE}`)

    for (const table of TENANT_TABLES) {
      this.schema.raw(tenantIsolation(table))
    }
    // A tenant may read and edit its own tenant row (settings), never another's.
    this.schema.raw(`
      ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON tenants
        USING (id = app_current_tenant()) WITH CHECK (id = app_current_tenant());`)
  }

  async down() {
    this.schema.raw('ALTER TABLE tenants DISABLE ROW LEVEL SECURITY')
    this.schema.raw('DROP POLICY IF EXISTS tenant_isolation ON tenants')
    for (const table of TENANT_TABLES) {
      this.schema.raw(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`)
      this.schema.raw(`DROP POLICY IF EXISTS tenant_isolation ON ${table}`)
    }
    this.schema.raw('DROP FUNCTION IF EXISTS app_current_tenant()')
  }
}
