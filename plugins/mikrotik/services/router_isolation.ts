import { ApiError } from '#core/http/api_error'
import { RouterError, type RouterClient, type RouterRow } from '../routeros/index.js'
import type { IsolationRequest, IsolationResult, IsolationService } from '../contracts.js'

/**
 * Isolation ("isolir") as operators do it by hand: the customer's address in
 * the `isolir` address list (a dstnat rule sends their web traffic to the
 * isolir page), or their account moved to an expired profile. Either way the
 * active session is removed so the customer reconnects under the new rules.
 * Every step reads before it writes, so a retry after a failure halfway
 * finishes the job instead of doubling it.
 */

const MENUS: Record<
  IsolationService,
  { account: string; profiles: string; active: string; activeUser: string }
> = {
  pppoe: {
    account: '/ppp/secret',
    profiles: '/ppp/profile',
    active: '/ppp/active',
    activeUser: 'name',
  },
  hotspot: {
    account: '/ip/hotspot/user',
    profiles: '/ip/hotspot/user/profile',
    active: '/ip/hotspot/active',
    activeUser: 'user',
  },
}

/** The previous profile lives in the account's own comment, where restore (or an operator) finds it. */
const MARKER = /^\[isolir prev=([^\]\s]+)\] ?/

function markedComment(previousProfile: string, comment: string) {
  return `[isolir prev=${encodeURIComponent(previousProfile)}] ${comment}`.trimEnd()
}

function readMarker(comment: string | undefined) {
  const match = MARKER.exec(comment ?? '')
  if (!match) return null
  return {
    previous: decodeURIComponent(match[1]),
    original: (comment ?? '').slice(match[0].length),
  }
}

type Isolation = Required<Pick<IsolationRequest, 'list'>> & IsolationRequest

async function findAccount(client: RouterClient, request: Isolation): Promise<RouterRow> {
  const [account] = await client.print(MENUS[request.service].account, {
    where: { name: request.username! },
  })
  if (!account) {
    const kind = request.service === 'pppoe' ? 'PPP secret' : 'hotspot user'
    throw new ApiError(
      404,
      'ROUTER_ACCOUNT_NOT_FOUND',
      `The router has no ${kind} "${request.username}". Accounts checked through RADIUS only cannot be moved to another profile; isolate them by address list instead.`
    )
  }
  return account
}

async function ensureProfileExists(client: RouterClient, request: Isolation) {
  const menu = MENUS[request.service].profiles
  const [profile] = await client.print(menu, { where: { name: request.isolatedProfile! } })
  if (!profile) {
    throw new ApiError(
      422,
      'ISOLATED_PROFILE_MISSING',
      `The router has no profile "${request.isolatedProfile}" in ${menu}. Create it on the router (or run the onboarding script) before isolating by profile.`
    )
  }
}

/** Removes the customer's sessions; one that ended meanwhile counts as gone. */
async function dropSessions(client: RouterClient, request: Isolation): Promise<number> {
  const menu = MENUS[request.service]
  const where = request.username
    ? { [menu.activeUser]: request.username }
    : request.address
      ? { address: request.address }
      : null
  if (!where) return 0
  let dropped = 0
  for (const session of await client.print(menu.active, { where })) {
    try {
      await client.remove(menu.active, session['.id'])
      dropped++
    } catch (error) {
      if (!(error instanceof RouterError && error.code === 'ROUTER_TRAP' && error.category === '0'))
        throw error
    }
  }
  return dropped
}

function listedEntries(client: RouterClient, request: Isolation) {
  return client.print('/ip/firewall/address-list', {
    where: { list: request.list, address: request.address! },
  })
}

export async function isolateOnRouter(
  client: RouterClient,
  request: Isolation
): Promise<IsolationResult> {
  const result: IsolationResult = {
    routerId: request.routerId,
    addressList: 'untouched',
    profile: null,
    sessionsDropped: 0,
  }
  let changed = false
  if (request.method === 'address_list') {
    if ((await listedEntries(client, request)).length > 0) {
      result.addressList = 'already_listed'
    } else {
      await client.add('/ip/firewall/address-list', {
        list: request.list,
        address: request.address!,
        comment: request.comment,
      })
      result.addressList = 'added'
      changed = true
    }
  } else {
    await ensureProfileExists(client, request)
    const account = await findAccount(client, request)
    const marker = readMarker(account.comment)
    const attributes: Record<string, string> = {}
    // Already isolated: keep the remembered profile, or restore would bring back the isolated one.
    if (!marker) attributes.comment = markedComment(account.profile, account.comment ?? '')
    if (account.profile !== request.isolatedProfile) attributes.profile = request.isolatedProfile!
    if (Object.keys(attributes).length > 0) {
      await client.set(MENUS[request.service].account, account['.id'], attributes)
      changed = true
    }
    result.profile = { from: marker?.previous ?? account.profile, to: request.isolatedProfile! }
  }
  // A repeated call changes nothing, so it does not kick a customer who already reconnected.
  if (changed) result.sessionsDropped = await dropSessions(client, request)
  return result
}

export async function restoreOnRouter(
  client: RouterClient,
  request: Isolation
): Promise<IsolationResult> {
  const result: IsolationResult = {
    routerId: request.routerId,
    addressList: 'untouched',
    profile: null,
    sessionsDropped: 0,
  }
  let changed = false
  if (request.method === 'address_list') {
    const entries = await listedEntries(client, request)
    for (const entry of entries) await client.remove('/ip/firewall/address-list', entry['.id'])
    result.addressList = entries.length > 0 ? 'removed' : 'not_listed'
    changed = entries.length > 0
  } else {
    const account = await findAccount(client, request)
    const marker = readMarker(account.comment)
    if (marker) {
      await client.set(MENUS[request.service].account, account['.id'], {
        profile: marker.previous,
        comment: marker.original,
      })
      result.profile = { from: account.profile, to: marker.previous }
      changed = true
    }
  }
  if (changed) result.sessionsDropped = await dropSessions(client, request)
  return result
}
