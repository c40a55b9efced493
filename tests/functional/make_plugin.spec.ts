import { test } from '@japa/runner'
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { randomBytes } from 'node:crypto'
import { platformDb } from '#core/tenancy/tenant_db'
import { APP_ROOT } from '#core/plugins/boot_manifest'
import { importCandidate } from '#core/plugins/loader'

const run = promisify(execFile)

test.group('Plugin kernel | make:plugin scaffold', () => {
  test('creates a plugin whose manifest loads and whose own test passes', async ({
    assert,
    cleanup,
  }) => {
    const id = `scaffold-${randomBytes(3).toString('hex')}`
    const root = join(APP_ROOT, 'plugins', id)
    cleanup(() => rm(root, { recursive: true, force: true }))

    await run(process.execPath, ['ace.js', 'make:plugin', id], { cwd: APP_ROOT })
    for (const file of [
      'plugin.ts',
      'http/show_status.ts',
      'ui/pages/index.vue',
      'tests/functional',
    ]) {
      assert.isTrue(existsSync(join(root, file)), `${file} was scaffolded`)
    }
    const migration = `database/migrations/0001_create_${id.replace(/-/g, '_')}_entries_table.ts`
    assert.isTrue(existsSync(join(root, migration)))

    const plugin = await importCandidate({
      origin: `plugins/${id}`,
      entry: join(root, 'plugin.ts'),
      root,
      source: { kind: 'local' },
    })
    assert.equal(plugin.definition.id, id)

    // The panel bundle picks its page up without the shell being edited.
    const outDir = join(APP_ROOT, 'tmp', `vite-${id}`)
    cleanup(() => rm(outDir, { recursive: true, force: true }))
    await run(
      process.execPath,
      [
        join(APP_ROOT, 'node_modules/vite/bin/vite.js'),
        'build',
        '--outDir',
        outDir,
        '--logLevel',
        'error',
      ],
      {
        cwd: APP_ROOT,
        timeout: 180_000,
      }
    )
    const manifest = JSON.parse(await readFile(join(outDir, '.vite', 'manifest.json'), 'utf8'))
    assert.include(Object.keys(manifest), `plugins/${id}/ui/pages/index.vue`)

    // Its generated test runs in a separate app process, on a database of its own.
    const database = 'isp_platform_scaffold'
    const exists = await platformDb().rawQuery('SELECT 1 FROM pg_database WHERE datname = ?', [
      database,
    ])
    if (!exists.rows.length) await platformDb().rawQuery(`CREATE DATABASE ${database}`)
    const testFile = `plugins/${id}/tests/functional/${id.replace(/-/g, '_')}_status.spec.ts`
    const { stdout } = await run(
      process.execPath,
      ['ace.js', 'test', 'functional', '--files', testFile],
      {
        cwd: APP_ROOT,
        env: {
          ...process.env,
          TEST__DB_DATABASE: database,
          TEST__REDIS_PREFIX: 'isp_scaffold',
          TEST__PLUGIN_DIRS: 'plugins',
          TEST__PORT: '3399',
        },
        timeout: 180_000,
      }
    )
    assert.match(stdout, /Tests\s+3 passed \(3\)/)
  }).timeout(240_000)

  test('refuses an id that is not kebab-case', async ({ assert }) => {
    const error = await run(process.execPath, ['ace.js', 'make:plugin', 'Bad_Id'], {
      cwd: APP_ROOT,
    }).catch((e) => e)
    assert.include(`${error.stdout}${error.stderr}`, 'PLUGIN_ID_INVALID')
    assert.isFalse(existsSync(join(APP_ROOT, 'plugins', 'Bad_Id')))
  })
})
