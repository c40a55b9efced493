/**
 * SQL that puts a tenant-owned table under row-level security: the app role
 * sees and writes only rows of the tenant set for the current transaction
 * (`app.tenant_id`), and nothing when none is set. Every migration that
 * creates a table with `tenant_id` runs this; a test sweeps the schema for
 * tables that forgot.
 */
export function tenantIsolation(table: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`RLS_TABLE_INVALID: "${table}"`)
  return `
    ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
    DROP POLICY IF EXISTS tenant_isolation ON ${table};
    CREATE POLICY tenant_isolation ON ${table}
      USING (tenant_id = app_current_tenant())
      WITH CHECK (tenant_id = app_current_tenant());`
}
