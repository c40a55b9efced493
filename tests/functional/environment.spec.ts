import { test } from '@japa/runner'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, writeFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { APP_ROOT } from '#core/plugins/boot_manifest'

/** Starts `node ace env:check`-like boot in a child with only the given env file. */
async function bootWith(envFile: string): Promise<{ code: number | null; stderr: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'isp-env-'))
  await writeFile(join(dir, '.env'), envFile)
  const env: Record<string, string> = {
    PATH: process.env.PATH!,
    ENV_PATH: dir,
    NODE_ENV: 'development',
  }
  try {
    return await new Promise((resolve) => {
      execFile(
        process.execPath,
        ['ace.js', 'plugins:list', '--json'],
        { cwd: APP_ROOT, env, timeout: 60_000 },
        (error, _stdout, stderr) =>
          resolve({ code: error ? ((error as any).code ?? 1) : 0, stderr })
      )
    })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const validEnv = async () => {
  const example = await readFile(join(APP_ROOT, '.env.example'), 'utf8')
  return example
    .replace(/^APP_KEY=.*$/m, 'APP_KEY=test-key-0123456789abcdef0123456789abcdef')
    .replace(/^PLUGIN_DIRS=.*$/m, 'PLUGIN_DIRS=tests/fixtures/plugins')
}

test.group('Environment | validated at start', () => {
  test('a missing variable stops the process with one line naming it', async ({ assert }) => {
    const { code, stderr } = await bootWith((await validEnv()).replace(/^DB_HOST=.*\n/m, ''))
    assert.notEqual(code, 0)
    const lines = stderr.trim().split('\n')
    assert.lengthOf(lines, 1, stderr)
    assert.match(lines[0], /^ENV_INVALID: .*DB_HOST/)
  })

  test('a malformed variable stops the process naming it', async ({ assert }) => {
    const { code, stderr } = await bootWith((await validEnv()).replace(/^PORT=.*$/m, 'PORT=eighty'))
    assert.notEqual(code, 0)
    assert.match(stderr.trim(), /^ENV_INVALID: .*PORT/)
  })

  test('a complete environment boots', async ({ assert }) => {
    const { code, stderr } = await bootWith(await validEnv())
    assert.equal(code, 0, stderr)
  }).timeout(60_000)
})
