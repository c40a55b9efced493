import encryption from '@adonisjs/core/services/encryption'
import { ApiError } from '#core/http/api_error'

/**
 * Router API passwords at rest. RouterOS login needs the password itself, so
 * it is encrypted (not hashed) with the app key; the purpose binds the
 * ciphertext to this use, so it cannot be replayed as another secret.
 */
const PURPOSE = 'mikrotik.router_api_password'

export function encryptApiPassword(password: string): string {
  return encryption.encrypt(password, { purpose: PURPOSE })
}

export function decryptApiPassword(router: { name: string; api_password_encrypted: string }) {
  const password = encryption.decrypt<string>(router.api_password_encrypted, PURPOSE)
  if (typeof password !== 'string') {
    // Happens when the app key changed without keeping the old one for decryption.
    throw new ApiError(
      409,
      'ROUTER_PASSWORD_UNREADABLE',
      `The stored API password of router "${router.name}" cannot be read with the current app key. Enter the password again (PATCH apiPassword).`
    )
  }
  return password
}
