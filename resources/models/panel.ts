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
}

/** A sidebar entry contributed by a plugin manifest. */
export interface NavigationEntry {
  plugin: string
  label: Record<Locale, string>
  href: string
  icon: string | null
  permission: string | null
}

export interface PanelUser {
  name: string
  email: string
  roles: string[]
}

export interface SharedProps {
  tenant: TenantSummary | null
  navigation: NavigationEntry[]
  /** Field → message, from the server's flashed errors */
  errors?: Record<string, string>
  user?: PanelUser
  [key: string]: unknown
}
