import { randomInt } from 'node:crypto'
import encryption from '@adonisjs/core/services/encryption'
import { ApiError } from '#core/http/api_error'

/**
 * Subscriber account passwords at rest. CHAP and MS-CHAP need the cleartext
 * on the FreeRADIUS side, so they are encrypted with the app key rather than
 * hashed; the purpose binds the ciphertext to this use.
 */
const PURPOSE = 'customers.subscription_password'

// No 0/O, 1/l/I: the password is read out over the phone and typed on a router.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'

export function generatePassword(length = 10) {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
}

export function encryptPassword(password: string): string {
  return encryption.encrypt(password, { purpose: PURPOSE })
}

/** The cleartext, or null when the app key changed and the old one was not kept. */
export function tryDecryptPassword(encrypted: string): string | null {
  const password = encryption.decrypt<string>(encrypted, PURPOSE)
  return typeof password === 'string' ? password : null
}

export function decryptPassword(subscription: { username: string; password_encrypted: string }) {
  const password = tryDecryptPassword(subscription.password_encrypted)
  if (password === null) {
    throw new ApiError(
      409,
      'SUBSCRIPTION_PASSWORD_UNREADABLE',
      `The stored password of "${subscription.username}" cannot be read with the current app key. Set a new one (PATCH password).`
    )
  }
  return password
}
