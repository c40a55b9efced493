/**
 * Props the server shares with every panel page
 * (core/http/middleware/inertia_middleware.ts).
 */
export type Locale = 'id' | 'en'

export interface TenantSummary {
  id: string
  slug: string
  name: string
  locale: string | null
  timezone?: string | null
  status?: string
  /** The uploaded logo (served to members only) or a logo URL; null shows the panel's mark */
  logoUrl?: string | null
}

/** A sidebar entry contributed by a plugin manifest. */
export interface NavigationEntry {
  plugin: string
  label: Record<Locale, string>
  href: string
  icon: string | null
  permission: string | null
}

/** A sidebar entry of the core's own areas (team, roles, settings, audit log). */
export interface CoreNavigationEntry {
  key: 'team' | 'roles' | 'settings' | 'auditLog'
  href: string
  permission: string
}

export interface PanelUser {
  name: string
  email: string
  roles: string[]
  /** The language the user chose, stored on the server; null until they pick one */
  locale?: Locale | null
}

export interface SharedProps {
  /** The language the server answered in; the panel shows the same one */
  locale?: Locale
  tenant: TenantSummary | null
  navigation: NavigationEntry[]
  coreNavigation?: CoreNavigationEntry[]
  /** Field → message, from the server's flashed errors */
  errors?: Record<string, string>
  user?: PanelUser
  [key: string]: unknown
}
