import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { paginate } from '#core/http/pagination'

type Trx = TransactionClientContract

/**
 * A customer's audit trail: changes to the customer (documents included,
 * filed under the customer) and to their accounts, deleted ones too (their
 * last entry names the customer). Read through the tenant transaction, so
 * row-level security shows only the tenant's entries.
 */
export function customerActivity(
  trx: Trx,
  customerId: string,
  options: { page?: number; perPage?: number } = {}
) {
  const query = trx.from('audit_logs as a').where((q) =>
    q
      .where((own) => own.where('a.subject_type', 'customer').where('a.subject_id', customerId))
      .orWhere((accounts) =>
        accounts.where('a.subject_type', 'subscription').where((ids) =>
          ids
            .whereIn(
              'a.subject_id',
              trx.from('subscriptions').where('customer_id', customerId).select(trx.raw('id::text'))
            )
            .orWhereRaw(`a.after->>'customerId' = ?`, [customerId])
            .orWhereRaw(`a.before->>'customerId' = ?`, [customerId])
        )
      )
  )
  return paginate(
    query,
    { page: options.page, perPage: options.perPage ?? 20 },
    (q) =>
      q
        // The actor is `user:<id>` or `super_admin:<id>`; a tenant sees the names of its own users.
        .joinRaw(`LEFT JOIN users u ON u.id::text = split_part(a.actor, ':', 2)`)
        .select('a.*', 'u.full_name as actor_name')
        .orderBy([
          { column: 'a.created_at', order: 'desc' },
          { column: 'a.id', order: 'desc' },
        ]),
    (row: Record<string, any>) => ({
      id: String(row.id),
      action: row.action as string,
      subjectType: row.subject_type as string,
      subjectId: row.subject_id as string,
      actor: row.actor as string,
      actorName: (row.actor_name as string | null) ?? null,
      before: (row.before ?? null) as Record<string, unknown> | null,
      after: (row.after ?? null) as Record<string, unknown> | null,
      createdAt: row.created_at as Date,
    })
  )
}
