import { ApiError } from '#core/http/api_error'
import { RouterError, type RouterClient } from '../routeros/index.js'
import type { HotspotUserInput } from '../contracts.js'

const USERS = '/ip/hotspot/user'
const PROFILES = '/ip/hotspot/user/profile'

/**
 * Adds hotspot users the router does not have yet. A name already on the
 * router is skipped, never overwritten: a voucher someone is using must not
 * get a new password because a push was repeated.
 */
export async function pushUsersToRouter(client: RouterClient, users: HotspotUserInput[]) {
  const profiles = new Set(
    (await client.print(PROFILES, { proplist: ['name'] })).map((row) => row.name)
  )
  const missing = [...new Set(users.map((u) => u.profile))].filter((p) => !profiles.has(p))
  if (missing.length > 0) {
    // Checked up front: RouterOS would refuse each add, leaving half a batch behind.
    throw new ApiError(
      422,
      'HOTSPOT_PROFILE_MISSING',
      `The router has no hotspot user profile ${missing.map((p) => `"${p}"`).join(', ')}. Create it under /ip hotspot user profile, then push again.`
    )
  }

  const existing = new Set((await client.print(USERS, { proplist: ['name'] })).map((r) => r.name))
  const created: string[] = []
  const skipped: string[] = []
  for (const user of users) {
    if (existing.has(user.name)) {
      skipped.push(user.name)
      continue
    }
    try {
      await client.add(USERS, {
        name: user.name,
        password: user.password,
        profile: user.profile,
        comment: user.comment ?? '',
        ...(user.limitUptime ? { 'limit-uptime': user.limitUptime } : {}),
        ...(user.server ? { server: user.server } : {}),
      })
      created.push(user.name)
    } catch (error) {
      // Added by someone else between our read and this add: the user exists, which is the goal.
      if (error instanceof RouterError && /already have/.test(error.routerMessage ?? '')) {
        skipped.push(user.name)
      } else {
        throw error
      }
    }
    existing.add(user.name)
  }
  return { created, skipped }
}
