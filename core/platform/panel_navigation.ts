import type { HttpContext } from '@adonisjs/core/http'

/** A sidebar entry in the shape the panel shell renders (grouped under `plugin`). */
export interface PanelNavigationEntry {
  plugin: string
  label: { id: string; en: string }
  href: string
  icon: string | null
  permission: string | null
}

/** The group the shell titles with the `admin.name` message. */
const GROUP = 'admin'

const ENTRIES: PanelNavigationEntry[] = [
  {
    plugin: GROUP,
    label: { id: 'Dasbor platform', en: 'Platform dashboard' },
    href: '/admin',
    icon: 'i-lucide-gauge',
    permission: null,
  },
  {
    plugin: GROUP,
    label: { id: 'Tenant', en: 'Tenants' },
    href: '/admin/tenants',
    icon: 'i-lucide-building-2',
    permission: null,
  },
  {
    plugin: GROUP,
    label: { id: 'Paket langganan', en: 'Plans' },
    href: '/admin/plans',
    icon: 'i-lucide-layers',
    permission: null,
  },
]

/**
 * The super admin's sidebar entries; tenant users get none. A super admin
 * acting inside a tenant sees, instead, who they are impersonating and the
 * way back to the platform.
 */
export function platformNavigation(ctx: HttpContext): PanelNavigationEntry[] {
  const actor = ctx.actor
  if (!actor?.isSuperAdmin) return []
  if (!actor.impersonatorId) return ENTRIES
  const name = ctx.tenant?.name ?? ''
  return [
    {
      plugin: GROUP,
      label: {
        id: name ? `Menyamar sebagai ${name} · kembali` : 'Akhiri penyamaran',
        en: name ? `Impersonating ${name} · go back` : 'Stop impersonating',
      },
      href: '/admin/impersonation',
      icon: 'i-lucide-venetian-mask',
      permission: null,
    },
  ]
}
