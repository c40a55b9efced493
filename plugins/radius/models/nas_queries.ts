import encryption from '@adonisjs/core/services/encryption'
import { ApiError } from '#core/http/api_error'
import { recordAudit } from '#core/audit/audit_log'
import { platformDb, type TenantTransaction } from '#core/tenancy/tenant_db'
import { forgetNas } from '../services/nas_directory.js'

/**
 * The NAS registry: routers whose RADIUS requests belong to the tenant. The
 * address names the tenant for every packet, so it is unique platform-wide.
 * Secrets are stored encrypted and never leave the server.
 */

export interface NasInput {
  name?: string
  ipAddress?: string
  nasIdentifier?: string | null
  secret?: string
  coaPort?: number | null
  routerId?: string | null
}

export interface NasItem {
  id: string
  name: string
  ipAddress: string
  nasIdentifier: string | null
  hasSecret: boolean
  coaPort: number | null
  routerId: string | null
  openSessions: number
  createdAt: string
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function present(row: any): NasItem {
  return {
    id: row.id,
    name: row.name,
    ipAddress: row.ip_address,
    nasIdentifier: row.nas_identifier,
    hasSecret: Boolean(row.secret_encrypted),
    coaPort: row.coa_port,
    routerId: row.router_id,
    openSessions: Number(row.open_sessions ?? 0),
    createdAt: row.created_at instanceof Date ? row.created_at.toISOString() : row.created_at,
  }
}

export async function listNas(trx: TenantTransaction): Promise<NasItem[]> {
  const rows = await trx
    .from('radius_nas as n')
    .select(
      'n.id',
      'n.name',
      'n.ip_address',
      'n.nas_identifier',
      'n.secret_encrypted',
      'n.coa_port',
      'n.router_id',
      'n.created_at',
      trx.raw(
        '(SELECT count(*) FROM radius_sessions s WHERE s.nas_id = n.id AND s.stopped_at IS NULL) AS open_sessions'
      )
    )
    .orderBy('n.name')
  return rows.map(present)
}

async function checkUnique(trx: TenantTransaction, input: NasInput, exceptId?: string) {
  if (input.ipAddress) {
    // Other tenants' rows are invisible through `trx`: ask across tenants, but only whether it is taken.
    const taken = await platformDb()
      .from('radius_nas')
      .whereRaw('ip_address = ?::inet', [input.ipAddress])
      .if(exceptId, (q) => q.whereNot('id', exceptId!))
      .first()
    if (taken) {
      throw ApiError.unprocessable([
        {
          field: 'ipAddress',
          message: 'This address is already registered as a NAS',
          rule: 'unique',
        },
      ])
    }
  }
  if (input.name) {
    const clash = await trx
      .from('radius_nas')
      .where('name', input.name)
      .if(exceptId, (q) => q.whereNot('id', exceptId!))
      .first()
    if (clash) {
      throw ApiError.unprocessable([
        { field: 'name', message: 'A NAS with this name exists', rule: 'unique' },
      ])
    }
  }
}

function auditView(input: NasInput) {
  const { secret, ...rest } = input
  return { ...rest, ...(secret !== undefined ? { secret: 'changed' } : {}) }
}

export async function createNas(
  trx: TenantTransaction,
  acting: { tenantId: string; actor: string },
  input: NasInput & { name: string; ipAddress: string; secret: string }
) {
  await checkUnique(trx, input)
  const [row] = await trx
    .table('radius_nas')
    .insert({
      tenant_id: acting.tenantId,
      name: input.name,
      ip_address: input.ipAddress,
      nas_identifier: input.nasIdentifier ?? null,
      secret_encrypted: encryption.encrypt(input.secret),
      coa_port: input.coaPort === undefined ? 3799 : input.coaPort,
      router_id: input.routerId ?? null,
    })
    .returning(['id', 'name', 'ip_address'])
  await recordAudit(
    {
      tenantId: acting.tenantId,
      actor: acting.actor,
      action: 'radius.nas_created',
      subjectType: 'radius_nas',
      subjectId: row.id,
      after: auditView(input),
    },
    trx
  )
  forgetNas(input.ipAddress)
  return { id: row.id as string, name: row.name as string, ipAddress: row.ip_address as string }
}

export async function updateNas(
  trx: TenantTransaction,
  acting: { tenantId: string; actor: string },
  id: string,
  input: NasInput
) {
  if (!UUID.test(id)) throw ApiError.notFound('NAS')
  const before = await trx.from('radius_nas').where('id', id).forUpdate().first()
  if (!before) throw ApiError.notFound('NAS')
  await checkUnique(trx, input, id)
  const changes: Record<string, unknown> = {}
  if (input.name !== undefined) changes.name = input.name
  if (input.ipAddress !== undefined) changes.ip_address = input.ipAddress
  if (input.nasIdentifier !== undefined) changes.nas_identifier = input.nasIdentifier || null
  if (input.secret) changes.secret_encrypted = encryption.encrypt(input.secret)
  if (input.coaPort !== undefined) changes.coa_port = input.coaPort
  if (input.routerId !== undefined) changes.router_id = input.routerId
  if (Object.keys(changes).length > 0) await trx.from('radius_nas').where('id', id).update(changes)
  await recordAudit(
    {
      tenantId: acting.tenantId,
      actor: acting.actor,
      action: 'radius.nas_updated',
      subjectType: 'radius_nas',
      subjectId: id,
      before: {
        name: before.name,
        ipAddress: before.ip_address,
        coaPort: before.coa_port,
        routerId: before.router_id,
      },
      after: auditView(input),
    },
    trx
  )
  forgetNas(before.ip_address)
  if (input.ipAddress) forgetNas(input.ipAddress)
}

export async function deleteNas(
  trx: TenantTransaction,
  acting: { tenantId: string; actor: string },
  id: string
) {
  if (!UUID.test(id)) throw ApiError.notFound('NAS')
  const [row] = await trx
    .from('radius_nas')
    .where('id', id)
    .delete()
    .returning(['id', 'name', 'ip_address'])
  if (!row) throw ApiError.notFound('NAS')
  await recordAudit(
    {
      tenantId: acting.tenantId,
      actor: acting.actor,
      action: 'radius.nas_deleted',
      subjectType: 'radius_nas',
      subjectId: row.id,
      before: { name: row.name, ipAddress: row.ip_address },
    },
    trx
  )
  forgetNas(row.ip_address)
}
