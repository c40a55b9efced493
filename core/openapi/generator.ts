import router from '@adonisjs/core/services/router'
import type { RouteCatalog } from '../http/route_catalog.js'

/** What a handler may declare as `static docs` for its endpoint. */
export interface EndpointDocs {
  summary: string
  description?: string
  tags?: string[]
  body?: { toJSONSchema(): object }
  query?: { toJSONSchema(): object }
  responses?: Record<number, string>
}

type Operation = Record<string, unknown>

/**
 * Builds an OpenAPI 3.1 document from what is really registered: every
 * route under `/api/` from the router, enriched with the summary and
 * validators its handler declares. Nothing is written by hand, so the
 * document cannot drift from the code.
 */
export async function generateOpenApi(
  catalog: RouteCatalog,
  info: { title: string; version: string }
) {
  const paths: Record<string, Record<string, Operation>> = {}
  const routes = Object.values(router.toJSON()).flat()

  for (const route of routes) {
    if (!route.pattern.startsWith('/api/v1')) continue
    const path = route.pattern.replace(/:(\w+)\??/g, '{$1}')
    const params = [...route.pattern.matchAll(/:(\w+)/g)].map((m) => m[1])
    for (const method of route.methods.filter((m) => m !== 'HEAD')) {
      const entry = catalog.find(method, route.pattern)
      const docs = entry ? await readDocs(entry.handler) : undefined
      const operation: Operation = {
        operationId: `${method.toLowerCase()}${path.replace(/[{}]/g, '').replace(/[^a-zA-Z0-9]+(.)?/g, (_, c) => (c ? c.toUpperCase() : ''))}`,
        summary: docs?.summary,
        description: docs?.description,
        tags: docs?.tags ?? (entry?.plugin ? [entry.plugin] : ['core']),
        parameters: [
          ...params.map((name) => ({
            name,
            in: 'path',
            required: true,
            schema: { type: 'string' },
          })),
          ...queryParameters(docs),
        ],
        responses: responsesFor(docs),
      }
      if (docs?.body) {
        operation.requestBody = {
          required: true,
          content: { 'application/json': { schema: docs.body.toJSONSchema() } },
        }
      }
      paths[path] ??= {}
      paths[path][method.toLowerCase()] = operation
    }
  }

  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['code', 'message'],
          properties: {
            code: { type: 'string', examples: ['PLUGIN_DISABLED'] },
            message: { type: 'string' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  field: { type: 'string' },
                  message: { type: 'string' },
                  rule: { type: 'string' },
                },
              },
            },
          },
        },
      },
    },
  }
}

async function readDocs(
  handler: () => Promise<{ default: unknown }>
): Promise<EndpointDocs | undefined> {
  const module = await handler()
  return (module.default as { docs?: EndpointDocs }).docs
}

function queryParameters(docs?: EndpointDocs) {
  const schema = docs?.query?.toJSONSchema() as
    { properties?: Record<string, object>; required?: string[] } | undefined
  return Object.entries(schema?.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: schema?.required?.includes(name) ?? false,
    schema: property,
  }))
}

function responsesFor(docs?: EndpointDocs) {
  const error = {
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  }
  const responses: Record<string, object> = {}
  for (const [status, description] of Object.entries(docs?.responses ?? { 200: 'OK' })) {
    responses[status] = Number(status) >= 400 ? { description, ...error } : { description }
  }
  responses['403'] ??= {
    description: 'Module not enabled for the tenant, or permission missing',
    ...error,
  }
  if (docs?.body || docs?.query) responses['422'] ??= { description: 'Validation failed', ...error }
  return responses
}
