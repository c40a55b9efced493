import type { HttpContext } from '@adonisjs/core/http'
import { readSettings } from '../../tenant_settings.js'

// The runtime's IANA zones; Indonesia's three first, as operators here pick among them.
const INDONESIA = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']
let zones: string[] | undefined
const timeZones = () =>
  (zones ??= [
    ...INDONESIA,
    ...Intl.supportedValuesOf('timeZone').filter((zone) => !INDONESIA.includes(zone)),
    'UTC',
  ])

/** The account's name, logo, time zone and language. */
export default class SettingsPage {
  async handle(ctx: HttpContext) {
    return ctx.inertia.render('core/settings', {
      settings: await readSettings(await ctx.tenantDb(), ctx.tenant!.id),
      timeZones: timeZones(),
    })
  }
}
