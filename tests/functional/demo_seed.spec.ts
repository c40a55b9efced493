import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import env from '#start/env'

const DEMO_LOGINS = [
  'admin@demo.test',
  'owner@alpha.test',
  'admin@alpha.test',
  'finance@alpha.test',
  'hr@alpha.test',
  'tech@alpha.test',
  'owner@beta.test',
]

test.group('Demo data', () => {
  test('every demo login works with the demo password, twice seeded', async ({
    client,
    assert,
  }) => {
    const ace = await app.container.make('ace')
    for (let run = 0; run < 2; run++) {
      const seeded = await ace.exec('db:seed', [
        '--connection=platform',
        '--files',
        'database/seeders/demo_seeder.ts',
      ])
      assert.equal(seeded.exitCode, 0)
    }
    const password = env.get('DEMO_PASSWORD') || 'demo12345'
    const roles: Record<string, string[]> = {}
    for (const email of DEMO_LOGINS) {
      const login = await client.post('/api/v1/auth/login').json({ email, password })
      login.assertStatus(200)
      const me = await client
        .get('/api/v1/auth/me')
        .header('authorization', `Bearer ${login.body().accessToken}`)
      roles[email] = me.body().roles
    }
    assert.deepEqual(roles['tech@alpha.test'], ['technician'])
    assert.deepEqual(roles['finance@alpha.test'], ['finance'])
    assert.deepEqual(roles['owner@beta.test'], ['owner'])
    assert.deepEqual(roles['admin@demo.test'], [])
  }).timeout(60_000)
})
