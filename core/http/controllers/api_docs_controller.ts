import type { HttpContext } from '@adonisjs/core/http'
import kernel from '../../services/kernel.js'
import { generateOpenApi } from '../../openapi/generator.js'
import { CORE_VERSION } from '../../plugins/boot_manifest.js'

const escape = (text: unknown) =>
  String(text ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
  )

/**
 * A readable, dependency-free page of the API: one section per tag, each
 * operation with its parameters and body schema. Works offline, unlike
 * viewers that load scripts from a CDN.
 */
export default class ApiDocsController {
  async handle({ response }: HttpContext) {
    const doc = (await generateOpenApi(kernel.routes, {
      title: 'ISP Platform API',
      version: CORE_VERSION,
    })) as any
    const byTag = new Map<string, string[]>()
    for (const [path, methods] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(methods)) {
        const tag = op.tags?.[0] ?? 'core'
        const params = (op.parameters ?? [])
          .map(
            (p: any) =>
              `<li><code>${escape(p.name)}</code> <em>${escape(p.in)}</em>${p.required ? ' required' : ''}</li>`
          )
          .join('')
        const body = op.requestBody
          ? `<details><summary>Request body</summary><pre>${escape(JSON.stringify(op.requestBody.content['application/json'].schema, null, 2))}</pre></details>`
          : ''
        const responses = Object.entries<any>(op.responses)
          .map(([status, r]) => `<li><code>${escape(status)}</code> ${escape(r.description)}</li>`)
          .join('')
        const list = byTag.get(tag) ?? []
        list.push(
          `<article><h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escape(path)}</code></h3>` +
            `<p>${escape(op.summary ?? '')}</p>${params ? `<ul>${params}</ul>` : ''}${body}<ul class="r">${responses}</ul></article>`
        )
        byTag.set(tag, list)
      }
    }
    const sections = [...byTag.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([tag, ops]) => `<section><h2>${escape(tag)}</h2>${ops.join('')}</section>`)
      .join('')
    response.header('content-type', 'text/html; charset=utf-8')
    return response.send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(doc.info.title)}</title><style>
body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1f2937}
h2{border-bottom:1px solid #e5e7eb;padding-bottom:.25rem;text-transform:capitalize}
article{border:1px solid #e5e7eb;border-radius:8px;padding:.5rem 1rem;margin:.75rem 0}
.m{font-size:12px;padding:2px 6px;border-radius:4px;color:#fff;background:#6b7280}.get{background:#2563eb}.post{background:#16a34a}.patch,.put{background:#d97706}.delete{background:#dc2626}
pre{background:#f3f4f6;padding:.5rem;overflow:auto}
@media (prefers-color-scheme:dark){body{background:#111827;color:#e5e7eb}article,h2{border-color:#374151}pre{background:#1f2937}}
</style></head><body><h1>${escape(doc.info.title)} <small>${escape(doc.info.version)}</small></h1>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${escape(doc.openapi)})</p>
${sections || '<p>No API endpoints are installed yet.</p>'}</body></html>`)
  }
}
