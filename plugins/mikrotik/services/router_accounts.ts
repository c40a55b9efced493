import { ApiError } from '#core/http/api_error'
import { RouterError, type RouterClient, type RouterParams } from '../routeros/index.js'
import { readAccount } from './router_reads.js'

/**
 * Hotspot users and PPP secrets on the router itself: added, changed and
 * removed over the API, checked first so that a mistake comes back as a
 * field message instead of a half-made entry.
 */
export type AccountType = 'hotspot' | 'pppoe'

export const ACCOUNT_MENUS = { hotspot: '/ip/hotspot/user', pppoe: '/ppp/secret' } as const
export const PROFILE_MENUS = { hotspot: '/ip/hotspot/user/profile', pppoe: '/ppp/profile' } as const

export interface AccountInput {
  name?: string
  password?: string
  profile?: string
  limitUptime?: string
  comment?: string | null
  disabled?: boolean
}

/** RouterOS `.id` values look like `*1A`. */
export const ROUTER_ITEM_ID = /^\*[0-9a-f]{1,16}$/i

const accountNotFound = (type: AccountType) =>
  new ApiError(
    404,
    'ACCOUNT_NOT_FOUND',
    `No ${type === 'hotspot' ? 'hotspot user' : 'PPP secret'} with this id on the router; it may have been removed. Reload the list.`
  )

function attributes(type: AccountType, input: AccountInput): RouterParams {
  const values: RouterParams = {}
  if (input.name !== undefined) values.name = input.name
  if (input.password !== undefined) values.password = input.password
  if (input.profile !== undefined) values.profile = input.profile
  if (input.comment !== undefined) values.comment = input.comment ?? ''
  if (input.disabled !== undefined) values.disabled = input.disabled ? 'yes' : 'no'
  if (type === 'hotspot' && input.limitUptime !== undefined)
    values['limit-uptime'] = input.limitUptime
  if (type === 'pppoe' && input.name !== undefined && input.password !== undefined)
    values.service = 'pppoe'
  return values
}

async function checkProfile(client: RouterClient, type: AccountType, profile?: string) {
  if (profile === undefined) return
  const found = await client.print(PROFILE_MENUS[type], {
    where: { name: profile },
    proplist: ['name'],
  })
  if (found.length === 0) {
    throw ApiError.unprocessable([
      {
        field: 'profile',
        message: `The router has no ${type === 'hotspot' ? 'hotspot user' : 'PPP'} profile "${profile}"`,
        rule: 'exists',
      },
    ])
  }
}

/** A name already taken on the router comes back from it as a trap; say it on the field. */
function nameTakenOnRouter(error: unknown) {
  if (error instanceof RouterError && /already have/.test(error.routerMessage ?? '')) {
    return ApiError.unprocessable([
      {
        field: 'name',
        message: 'The router already has an account with this name',
        rule: 'unique',
      },
    ])
  }
  return error
}

export async function addAccount(client: RouterClient, type: AccountType, input: AccountInput) {
  await checkProfile(client, type, input.profile)
  let id: string
  try {
    id = await client.add(ACCOUNT_MENUS[type], attributes(type, input))
  } catch (error) {
    throw nameTakenOnRouter(error)
  }
  return (await readAccount(client, type, id)) ?? { id, type, name: input.name ?? '' }
}

export async function updateAccount(
  client: RouterClient,
  type: AccountType,
  id: string,
  input: AccountInput
) {
  if (!ROUTER_ITEM_ID.test(id)) throw accountNotFound(type)
  const before = await readAccount(client, type, id)
  if (!before) throw accountNotFound(type)
  await checkProfile(client, type, input.profile)
  try {
    await client.set(ACCOUNT_MENUS[type], id, attributes(type, input))
  } catch (error) {
    throw nameTakenOnRouter(error)
  }
  return { before, after: (await readAccount(client, type, id)) ?? before }
}

export async function removeAccount(client: RouterClient, type: AccountType, id: string) {
  if (!ROUTER_ITEM_ID.test(id)) throw accountNotFound(type)
  const before = await readAccount(client, type, id)
  if (!before) throw accountNotFound(type)
  try {
    await client.remove(ACCOUNT_MENUS[type], id)
  } catch (error) {
    // Removed by someone else between our read and the remove: gone either way.
    if (!(error instanceof RouterError && error.category === '0')) throw error
  }
  return before
}

/** The profiles an account may use, with their speed, for the forms. */
export async function readProfiles(client: RouterClient) {
  const [hotspot, pppoe] = await Promise.all([
    client.print(PROFILE_MENUS.hotspot, { proplist: ['name', 'rate-limit'] }),
    client.print(PROFILE_MENUS.pppoe, { proplist: ['name', 'rate-limit'] }),
  ])
  const present = (row: Record<string, string>) => ({
    name: row.name ?? '',
    rateLimit: row['rate-limit'] || null,
  })
  return { hotspot: hotspot.map(present), pppoe: pppoe.map(present) }
}
