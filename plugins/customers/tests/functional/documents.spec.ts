import { test } from '@japa/runner'
import drive from '@adonisjs/drive/services/main'
import { platformDb } from '#core/tenancy/tenant_db'
import { createMember } from '#tests/helpers/tenants'
import { crmApi, tenantWithCrm } from '../helpers/crm.js'

/** A small but real PDF: the platform checks content, not just the name. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'
)
/** A 1×1 PNG (a house photo, in spirit). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64'
)

async function customerOf(client: any) {
  const tenant = await tenantWithCrm()
  const api = crmApi(client, tenant.headers)
  const created = await api.post('/customers', { name: 'Siti Aminah', phone: '081234567890' })
  created.assertStatus(201)
  return { tenant, api, customer: created.body() }
}

const upload = (
  client: any,
  headers: Record<string, string>,
  customerId: string,
  file: Buffer | null,
  filename: string,
  kind?: string
) => {
  let request = client.post(`/api/v1/customers/${customerId}/documents`).headers(headers)
  if (file) request = request.file('file', file, { filename })
  if (kind) request = request.field('kind', kind)
  return request
}

test.group('Customers | documents', () => {
  test('a scan is uploaded, listed, downloaded as it was, and deleted with its file', async ({
    client,
    assert,
  }) => {
    const { tenant, api, customer } = await customerOf(client)
    const uploaded = await upload(
      client,
      tenant.headers,
      customer.id,
      PDF,
      'KTP Siti (scan).pdf',
      'identity'
    )
    uploaded.assertStatus(201)
    assert.deepInclude(uploaded.body(), {
      customerId: customer.id,
      kind: 'identity',
      fileName: 'KTP Siti (scan).pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      uploadedBy: tenant.owner.id,
    })
    const documentId = uploaded.body().id

    const listed = await api.get(`/customers/${customer.id}/documents`)
    listed.assertStatus(200)
    assert.deepEqual(
      listed.body().data.map((d: any) => [d.id, d.fileName, d.uploadedByName]),
      [[documentId, 'KTP Siti (scan).pdf', `Owner of ${tenant.slug}`]]
    )

    const downloaded = await api.get(`/customers/${customer.id}/documents/${documentId}`)
    downloaded.assertStatus(200)
    assert.equal(downloaded.header('content-type'), 'application/pdf')
    assert.include(
      downloaded.header('content-disposition'),
      'attachment; filename="KTP Siti (scan).pdf"'
    )
    assert.equal(downloaded.header('cache-control'), 'private, no-store')
    assert.isTrue(Buffer.from(downloaded.body()).equals(PDF), 'the bytes that were uploaded')

    const row = await platformDb().from('customer_documents').where('id', documentId).first()
    assert.match(
      row.storage_key,
      new RegExp(`^customers/${tenant.id}/${customer.id}/[0-9a-f-]+\\.pdf$`)
    )
    assert.isTrue(await drive.use().exists(row.storage_key))

    const removed = await api.delete(`/customers/${customer.id}/documents/${documentId}`)
    removed.assertStatus(204)
    assert.isFalse(await drive.use().exists(row.storage_key))
    ;(await api.get(`/customers/${customer.id}/documents/${documentId}`)).assertStatus(404)

    const actions = await platformDb()
      .from('audit_logs')
      .where({ tenant_id: tenant.id, subject_type: 'customer', subject_id: customer.id })
      .orderBy('id')
      .select('action', 'after', 'before')
    assert.deepEqual(
      actions.map((a) => a.action),
      [
        'customer.created',
        'customer.document_uploaded',
        'customer.document_downloaded',
        'customer.document_deleted',
      ]
    )
    assert.equal(actions[1].after.fileName, 'KTP Siti (scan).pdf')
  })

  test('wrong types, disguised files, big files and no file are refused on "file"', async ({
    client,
    assert,
  }) => {
    const { tenant, customer } = await customerOf(client)
    const cases: [Buffer | null, string, RegExp][] = [
      [Buffer.from('hello'), 'notes.txt', /PDF, JPEG or PNG/],
      // A text file named .pdf: the content gives it away.
      [Buffer.from('just text, not a pdf'), 'contract.pdf', /PDF, JPEG or PNG/],
      [
        Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5 * 1024 * 1024 + 10, 32)]),
        'big.pdf',
        /larger than 5 MB/,
      ],
      [null, '', /Choose a file/],
    ]
    for (const [file, name, message] of cases) {
      const response = await upload(client, tenant.headers, customer.id, file, name)
      response.assertStatus(422)
      assert.equal(response.body().errors[0].field, 'file', name)
      assert.match(response.body().errors[0].message, message, name)
    }
    const badKind = await upload(client, tenant.headers, customer.id, PNG, 'rumah.png', 'selfie')
    badKind.assertStatus(422)
    assert.equal(badKind.body().errors[0].field, 'kind')
    const stored = await platformDb().from('customer_documents').where('tenant_id', tenant.id)
    assert.lengthOf(stored, 0)
  })

  test('another tenant, or a technician, cannot read, add or remove a document', async ({
    client,
    assert,
  }) => {
    const { tenant, customer } = await customerOf(client)
    const uploaded = await upload(client, tenant.headers, customer.id, PNG, 'rumah.png', 'photo')
    assert.equal(uploaded.status(), 201, uploaded.text())
    const path = `/customers/${customer.id}/documents/${uploaded.body().id}`

    const other = await tenantWithCrm()
    const intruder = crmApi(client, other.headers)
    ;(await intruder.get(`/customers/${customer.id}/documents`)).assertStatus(404)
    const stolen = await intruder.get(path)
    stolen.assertStatus(404)
    assert.notInclude(stolen.text(), 'PNG')
    ;(await intruder.delete(path)).assertStatus(404)
    ;(await upload(client, other.headers, customer.id, PNG, 'x.png')).assertStatus(404)
    // The panel route checks the same way (and refuses a token-less request outright).
    const panel = await client.get(path).headers(other.headers).redirects(0)
    assert.isAtLeast(panel.status(), 300)
    assert.notInclude(panel.text(), 'PNG')

    const technician = await createMember(tenant, ['technician'])
    const tech = crmApi(client, technician.headers)
    ;(await tech.get(path)).assertStatus(200)
    ;(await tech.delete(path)).assertStatus(403)
    ;(await upload(client, technician.headers, customer.id, PNG, 'x.png')).assertStatus(403)

    assert.lengthOf(await platformDb().from('customer_documents').where('tenant_id', tenant.id), 1)
  })
})
