import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { isAbsolute } from 'node:path'
import env from '#start/env'
import { generateDevKeyPair, TokenKeyError } from '../auth/tokens/keys.js'

export default class AuthKeys extends BaseCommand {
  static commandName = 'auth:keys'
  static description =
    'Generate the RS256 key pair for API tokens into JWT_PRIVATE_KEY_FILE and JWT_PUBLIC_KEY_FILE'
  static options: CommandOptions = { startApp: false }

  @flags.boolean({
    description: 'Replace an existing pair (every issued access token stops working)',
  })
  declare force: boolean

  async run() {
    const privateFile = env.get('JWT_PRIVATE_KEY_FILE')
    const publicFile = env.get('JWT_PUBLIC_KEY_FILE')
    const unset = [
      !privateFile && 'JWT_PRIVATE_KEY_FILE',
      !publicFile && 'JWT_PUBLIC_KEY_FILE',
    ].filter(Boolean)
    if (!privateFile || !publicFile) {
      this.logger.error(
        `${unset.join(' and ')} not set. Add them to .env, e.g. JWT_PRIVATE_KEY_FILE=storage/keys/jwt_private.pem and JWT_PUBLIC_KEY_FILE=storage/keys/jwt_public.pem`
      )
      this.exitCode = 1
      return
    }
    if (env.get('JWT_PRIVATE_KEY') || env.get('JWT_PUBLIC_KEY')) {
      this.logger.warning(
        'JWT_PRIVATE_KEY / JWT_PUBLIC_KEY are set and take precedence over the key files.'
      )
    }

    try {
      const { created } = await generateDevKeyPair(
        { privateKeyPath: this.#resolve(privateFile), publicKeyPath: this.#resolve(publicFile) },
        { force: this.force }
      )
      if (created) {
        this.logger.success(`Wrote a new key pair to ${privateFile} and ${publicFile}`)
      } else {
        this.logger.info(
          `A key pair already exists at ${privateFile} and ${publicFile}; kept it (use --force to replace it).`
        )
      }
    } catch (error) {
      if (!(error instanceof TokenKeyError)) throw error
      this.logger.error(error.message)
      this.exitCode = 1
    }
  }

  #resolve(file: string) {
    return isAbsolute(file) ? file : this.app.makePath(file)
  }
}
