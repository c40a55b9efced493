import limiter from '@adonisjs/limiter/services/main'
import { ApiError } from '../http/api_error.js'

/**
 * Failed sign-ins are counted per account and per address. Past the limit the
 * account (or address) waits, whatever the password: guessing gets no faster
 * by spreading tries over accounts or over addresses.
 */
const perAccount = () => limiter.use({ requests: 5, duration: '15 mins', blockDuration: '15 mins' })
const perAddress = () =>
  limiter.use({ requests: 30, duration: '15 mins', blockDuration: '15 mins' })

const accountKey = (email: string) => `login:account:${email.trim().toLowerCase()}`
const addressKey = (ip: string) => `login:ip:${ip}`

export async function assertLoginAllowed(email: string, ip: string) {
  for (const [limit, key] of [
    [perAccount(), accountKey(email)],
    [perAddress(), addressKey(ip)],
  ] as const) {
    if ((await limit.remaining(key)) <= 0) {
      const seconds = await limit.availableIn(key)
      throw new ApiError(
        429,
        'LOGIN_THROTTLED',
        `Too many failed sign-ins. Try again in ${Math.max(1, Math.ceil(seconds / 60))} minute(s).`
      )
    }
  }
}

export async function recordLoginFailure(email: string, ip: string) {
  await perAccount().increment(accountKey(email))
  await perAddress().increment(addressKey(ip))
}

export async function clearLoginFailures(email: string) {
  await perAccount().delete(accountKey(email))
}
