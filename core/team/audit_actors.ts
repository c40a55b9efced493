import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/**
 * Audit entries name their actor as `user:<id>`; people read names. Only the
 * tenant's own members resolve (row-level security), others keep their tag.
 */
export async function namesOfActors(trx: TransactionClientContract, actors: string[]) {
  const ids = [
    ...new Set(actors.filter((a) => a.startsWith('user:')).map((a) => a.slice(5))),
  ].filter((id) => /^[0-9a-f-]{36}$/i.test(id))
  const names = new Map<string, string>()
  if (!ids.length) return names
  const rows = await trx.from('users').whereIn('id', ids).select('id', 'full_name', 'email')
  for (const row of rows) names.set(`user:${row.id}`, `${row.full_name} <${row.email}>`)
  return names
}

/** What the filters offer: the actions recorded in this account and its members. */
export async function auditFilterChoices(trx: TransactionClientContract, tenantId: string) {
  const actions = await trx
    .from('audit_logs')
    .where('tenant_id', tenantId)
    .distinct('action')
    .orderBy('action')
    .limit(200)
  const members = await trx
    .from('users')
    .where('tenant_id', tenantId)
    .orderBy('full_name')
    .limit(500)
    .select('id', 'full_name')
  return {
    actions: actions.map((row) => row.action as string),
    actors: members.map((row) => ({ value: `user:${row.id}`, label: row.full_name as string })),
  }
}
