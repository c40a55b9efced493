import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import BaseInertiaMiddleware from '@adonisjs/inertia/inertia_middleware'
import kernel from '../../services/kernel.js'
import { actorCan, type Actor } from '../../identity/actor.js'
import { logoAddress } from '../../team/tenant_settings.js'
import { withTenant } from '../../tenancy/tenant_db.js'
import { platformNavigation } from '../../platform/panel_navigation.js'

/**
 * The core's own areas in the sidebar, each shown to the roles that may open
 * it. The panel names and draws them (its icons are bundled with it).
 */
const CORE_NAVIGATION = [
  { key: 'team', href: '/team', permission: 'users.read' },
  { key: 'roles', href: '/roles', permission: 'roles.manage' },
  { key: 'settings', href: '/settings', permission: 'tenant.settings' },
  { key: 'auditLog', href: '/audit-log', permission: 'audit.read' },
] as const

function coreNavigation(actor: Actor | null | undefined, inTenant: boolean) {
  if (!actor || !inTenant) return []
  return CORE_NAVIGATION.filter((entry) => actorCan(actor, entry.permission)).map((entry) => ({
    ...entry,
  }))
}

/**
 * The tenant's logo address, read in a short transaction of its own (row-level
 * security: its own row only). Not the request's transaction: an error page
 * rendered after that one ended must not open another that nobody closes.
 */
async function tenantLogo(ctx: HttpContext) {
  if (!ctx.tenant) return null
  const row = await withTenant(ctx.tenant.id, (trx) =>
    trx.from('tenants').where('id', ctx.tenant!.id).select('logo_path', 'logo_url').first()
  )
  return row ? logoAddress(row) : null
}

/**
 * Props every panel page receives: the language, the tenant, who is signed
 * in, the core's navigation and that of the plugins the tenant has enabled
 * (the panel shell builds its sidebar from them).
 */
export default class InertiaMiddleware extends BaseInertiaMiddleware {
  async share(ctx: HttpContext) {
    const tenant = ctx.tenant
    const enabled = tenant ? await kernel.enablement.enabledFor(tenant.id) : new Set<string>()
    return {
      // The language the server answers in (the user's preference, this browser's choice,
      // the account's language, then Accept-Language): the panel shows the same one.
      locale: ctx.i18n?.locale ?? 'id',
      tenant: tenant
        ? {
            id: tenant.id,
            slug: tenant.slug,
            name: tenant.name,
            locale: tenant.locale,
            timezone: tenant.timezone,
            status: tenant.status,
            logoUrl: await tenantLogo(ctx),
          }
        : null,
      user: ctx.actor
        ? {
            name: ctx.actor.fullName,
            email: ctx.actor.email,
            roles: ctx.actor.roleSlugs,
            locale: ctx.actor.locale ?? null,
          }
        : null,
      // Messages the server flashed for the form fields (a failed sign-in, a refused form).
      errors: {
        ...(ctx.session?.flashMessages.get('errorsBag', {}) ?? {}),
        ...this.getValidationErrors(ctx),
      },
      coreNavigation: coreNavigation(ctx.actor, Boolean(tenant)),
      // Entries the user's role cannot open are left out, not shown and then refused.
      navigation: kernel.plugins
        .navigation(enabled)
        .filter(
          (entry) =>
            !entry.permission || (ctx.actor ? actorCan(ctx.actor, entry.permission) : false)
        )
        .map((entry) => ({
          plugin: entry.plugin,
          label: entry.label,
          href: entry.href,
          icon: entry.icon ?? null,
          permission: entry.permission ?? null,
        }))
        .concat(platformNavigation(ctx)),
    }
  }

  async init(ctx: HttpContext) {
    // The HTML shell names the page's language (`<html lang>`).
    if ('view' in ctx) ctx.view.share({ i18n: ctx.i18n })
    return super.init(ctx)
  }

  async handle(ctx: HttpContext, next: NextFn) {
    await this.init(ctx)
    const output = await next()
    this.dispose(ctx)
    return output
  }
}

/**
 * Pages come from plugins discovered at run time (`<plugin-id>/<page>`), so
 * page names are open strings rather than a generated list.
 */
declare module '@adonisjs/inertia/types' {
  interface InertiaPages {
    [page: string]: Record<string, any>
  }
}
