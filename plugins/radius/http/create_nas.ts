import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { ApiError } from '#core/http/api_error'
import { platformDb } from '#core/tenancy/tenant_db'
import { recordAudit } from '#core/audit/audit_log'
import { nasValidator } from './validators.js'
import { forgetNas } from '../services/nas_directory.js'
import encryption from '@adonisjs/core/services/encryption'

export default class CreateNas {
  static docs: EndpointDocs = {
    summary: 'Register a router (NAS) by the address its RADIUS requests come from',
    tags: ['radius'],
    body: nasValidator,
    responses: { 201: 'Registered' },
  }

  async handle({ tenant, actor, tenantDb, request, response }: HttpContext) {
    const input = await request.validateUsing(nasValidator)
    // Addresses are unique platform-wide (an address names its tenant), and other tenants' rows are invisible here.
    const taken = await platformDb()
      .from('radius_nas')
      .whereRaw('ip_address = ?::inet', [input.ipAddress])
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
    const trx = await tenantDb()
    const clash = await trx.from('radius_nas').where('name', input.name).first()
    if (clash)
      throw ApiError.unprocessable([
        { field: 'name', message: 'A NAS with this name exists', rule: 'unique' },
      ])
    const [row] = await trx
      .table('radius_nas')
      .insert({
        tenant_id: tenant!.id,
        name: input.name,
        ip_address: input.ipAddress,
        nas_identifier: input.nasIdentifier ?? null,
        secret_encrypted: encryption.encrypt(input.secret),
      })
      .returning(['id', 'name', 'ip_address'])
    await recordAudit(
      {
        tenantId: tenant!.id,
        actor: `user:${actor!.userId}`,
        action: 'radius.nas_created',
        subjectType: 'radius_nas',
        subjectId: row.id,
        after: { name: input.name, ipAddress: input.ipAddress, nasIdentifier: input.nasIdentifier },
      },
      trx
    )
    forgetNas(input.ipAddress)
    return response.created({ id: row.id, name: row.name, ipAddress: row.ip_address })
  }
}
