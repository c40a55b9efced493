/** The account's settings as the server presents them (core/team/tenant_settings.ts). */
export interface TenantSettings {
  id: string
  slug: string
  name: string
  plan: string
  status: string
  timezone: string
  locale: 'id' | 'en'
  logoUrl: string | null
  customDomain: string | null
}

export interface SettingsPageProps {
  settings: TenantSettings
  timeZones: string[]
}
