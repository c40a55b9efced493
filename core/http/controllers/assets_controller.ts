import type { HttpContext } from '@adonisjs/core/http'
import app from '@adonisjs/core/services/app'
import { stat } from 'node:fs/promises'
import { normalize, join, sep } from 'node:path'
import { ApiError } from '../api_error.js'

const ROOT = app.makePath('public', 'assets')

/**
 * Serves the panel's built assets. A route rather than a server middleware,
 * so requests that are not for assets (the RADIUS hot path) never pay for a
 * file-system lookup. Hashed files are cached for a year.
 */
export default class AssetsController {
  async handle({ params, response }: HttpContext) {
    const relative = normalize((params['*'] as string[]).join('/'))
    const file = join(ROOT, relative)
    if (!file.startsWith(ROOT + sep)) throw ApiError.notFound('Asset')
    const info = await stat(file).catch(() => null)
    if (!info?.isFile()) throw ApiError.notFound('Asset')
    response.header(
      'cache-control',
      /-[\w-]{8,}\.\w+$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache'
    )
    return response.download(file)
  }
}
