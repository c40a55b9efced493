import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'

test.group('OpenAPI | generated from the code', () => {
  test('every /api/v1 route is in the document, with a summary', async ({ client, assert }) => {
    const response = await client.get('/api/openapi.json')
    response.assertStatus(200)
    const doc = response.body()
    assert.equal(doc.openapi, '3.1.0')

    const routes = Object.values(router.toJSON())
      .flat()
      .filter((r) => r.pattern.startsWith('/api/v1'))
    assert.isAbove(routes.length, 0)
    for (const route of routes) {
      const path = route.pattern.replace(/:(\w+)\??/g, '{$1}')
      for (const method of route.methods.filter((m) => m !== 'HEAD')) {
        const operation = doc.paths[path]?.[method.toLowerCase()]
        assert.exists(operation, `${method} ${route.pattern} is missing from /api/openapi.json`)
        assert.isString(
          operation.summary,
          `${method} ${route.pattern} has no summary: add "static docs" to its handler`
        )
      }
    }
  })

  test('request bodies come from the handler validators', async ({ client, assert }) => {
    const doc = (await client.get('/api/openapi.json')).body()
    const create = doc.paths['/api/v1/fixture-base/pings'].post
    const schema = create.requestBody.content['application/json'].schema
    assert.equal(schema.type, 'object')
    assert.deepEqual(schema.required, ['note'])
    assert.equal(schema.properties.note.type, 'string')
    assert.equal(schema.properties.note.maxLength, 100)
    assert.exists(create.responses['422'])
  })

  test('the docs page lists the endpoints for people', async ({ client, assert }) => {
    const response = await client.get('/api/docs')
    response.assertStatus(200)
    assert.include(response.header('content-type'), 'text/html')
    assert.include(response.text(), '/api/v1/fixture-base/pings')
    assert.include(response.text(), 'Record a ping for the current tenant')
  })
})
