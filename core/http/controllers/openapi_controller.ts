import type { HttpContext } from '@adonisjs/core/http'
import env from '#start/env'
import kernel from '../../services/kernel.js'
import { generateOpenApi } from '../../openapi/generator.js'
import { CORE_VERSION } from '../../plugins/boot_manifest.js'

let cached: Promise<object> | undefined

export default class OpenApiController {
  async handle({ response }: HttpContext) {
    // Routes never change after boot, so the document is built once per process.
    cached ??= generateOpenApi(kernel.routes, {
      title: `${env.get('APP_NAME') || 'ISP Platform'} API`,
      version: CORE_VERSION,
    })
    return response.ok(await cached)
  }
}
