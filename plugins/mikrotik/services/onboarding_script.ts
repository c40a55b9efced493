import { ApiError } from '#core/http/api_error'

/**
 * The script an operator pastes into a new router's terminal so the platform
 * can drive it: a least-privilege API user, the API service, RADIUS for
 * hotspot and PPPoE, and the isolir plumbing. Each block checks before it
 * adds, so running the script twice changes nothing the second time.
 */

export const PLATFORM_GROUP = 'isp-platform'
const TAG = 'isp-platform'

export interface OnboardingInput {
  routerName: string
  apiUser: string
  apiPassword: string
  apiPort: number
  tls: boolean
  radiusAddress: string
  radiusSecret: string
  isolirAddress: string
  isolirPort: number
  platformAddress?: string
  generatedAt: Date
}

/**
 * A RouterOS double-quoted string. Stored values (the API user and password)
 * were entered long before this script existed, so they are escaped rather
 * than refused; `?` would open the console's help and `$` a variable.
 */
export function rosString(value: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    throw new ApiError(
      422,
      'ROUTER_VALUE_UNSAFE',
      'A stored router value contains a control character and cannot go into a RouterOS script. Edit the router (PATCH apiUser/apiPassword) first.'
    )
  }
  return `"${value.replace(/[\\"$?]/g, (c) => `\\${c}`)}"`
}

/** Adds the item unless one with the same key is already there. */
function once(menu: string, key: string, add: string): string {
  return `:if ([:len [/${menu} find ${key}]] = 0) do={ /${menu} add ${add} }`
}

/** Even in a comment line the console reacts to `?`, so a name keeps only harmless characters. */
const commentSafe = (text: string) => text.replace(/[^\p{L}\p{N} ._-]/gu, '_')

const isolirComment = (what: string) => rosString(`${TAG} isolir ${what}`)

const POLICY =
  'read,write,api,test,!local,!telnet,!ssh,!ftp,!reboot,!policy,!winbox,!password,!web,!sniff,!sensitive,!romon,!rest-api'

export function buildOnboardingScript(input: OnboardingInput): string {
  const user = rosString(input.apiUser)
  const group = rosString(PLATFORM_GROUP)
  const secret = rosString(input.radiusSecret)
  const isolir = `to-addresses=${input.isolirAddress} to-ports=${input.isolirPort}`
  const service = input.tls ? 'api-ssl' : 'api'
  const allowFrom = input.platformAddress ? ` address=${input.platformAddress}` : ''
  const lines = [
    `# Onboarding for router ${commentSafe(input.routerName)}, generated ${input.generatedAt.toISOString()}`,
    '# Paste into the router terminal (RouterOS 7). Safe to run more than once.',
    '',
    '# API access for the platform: its own group, no winbox, ssh, ftp or reboot rights',
    once(
      'user group',
      `name=${group}`,
      `name=${group} policy=${POLICY} comment=${rosString('ISP platform API access')}`
    ),
    `:if ([:len [/user find name=${user}]] = 0) do={ /user add name=${user} group=${group} password=${rosString(input.apiPassword)} comment=${rosString('ISP platform')} } else={ /user set [find name=${user}] group=${group} password=${rosString(input.apiPassword)} }`,
    `/ip service set ${service} disabled=no port=${input.apiPort}${allowFrom}`,
    input.tls
      ? '/ip service set api disabled=yes'
      : `/ip service set api-ssl disabled=no${allowFrom}`,
    '',
    '# RADIUS: hotspot and PPPoE logins and accounting go to the platform',
    once(
      'radius',
      `comment=${rosString(TAG)}`,
      `service=ppp,hotspot address=${input.radiusAddress} secret=${secret} authentication-port=1812 accounting-port=1813 timeout=3s comment=${rosString(TAG)}`
    ),
    `/radius set [find comment=${rosString(TAG)}] address=${input.radiusAddress} secret=${secret}`,
    '# Lets the platform disconnect or change a session (CoA) on UDP 3799',
    '/radius incoming set accept=yes port=3799',
    '/ppp aaa set use-radius=yes accounting=yes interim-update=5m',
    '/ip hotspot profile set [find] use-radius=yes radius-accounting=yes radius-interim-update=5m',
    '',
    '# Isolir: customers in the "isolir" address list see the isolir page; DNS keeps working',
    once(
      'ppp profile',
      'name="isolir"',
      'name="isolir" address-list=isolir rate-limit=256k/256k comment="isp-platform isolir"'
    ),
    once(
      'ip hotspot user profile',
      'name="isolir"',
      'name="isolir" address-list=isolir rate-limit=256k/256k'
    ),
    once(
      'ip firewall nat',
      `comment=${isolirComment('redirect')}`,
      `chain=dstnat src-address-list=isolir protocol=tcp dst-port=80 action=dst-nat ${isolir} comment=${isolirComment('redirect')}`
    ),
    once(
      'ip firewall filter',
      `comment=${isolirComment('dns udp')}`,
      `chain=forward src-address-list=isolir protocol=udp dst-port=53 action=accept comment=${isolirComment('dns udp')}`
    ),
    once(
      'ip firewall filter',
      `comment=${isolirComment('dns tcp')}`,
      `chain=forward src-address-list=isolir protocol=tcp dst-port=53 action=accept comment=${isolirComment('dns tcp')}`
    ),
    once(
      'ip firewall filter',
      `comment=${isolirComment('page')}`,
      `chain=forward src-address-list=isolir dst-address=${input.isolirAddress} action=accept comment=${isolirComment('page')}`
    ),
    once(
      'ip firewall filter',
      `comment=${isolirComment('block')}`,
      `chain=forward src-address-list=isolir action=drop comment=${isolirComment('block')}`
    ),
    '# Hotspot customers reach the isolir page before they log in',
    once(
      'ip hotspot walled-garden ip',
      `comment=${isolirComment('page')}`,
      `dst-address=${input.isolirAddress} action=accept comment=${isolirComment('page')}`
    ),
    '',
  ]
  return lines.join('\n')
}
