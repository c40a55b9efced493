import type { Locale } from './panel'

/** The signed-in user's own record (core/identity/profile.ts). */
export interface Profile {
  email: string
  fullName: string
  phone: string | null
  locale: Locale | null
  roles: string[]
  lastLoginAt: string | null
}

export interface ProfilePageProps {
  profile: Profile
  minLength: number
  passwordChanged?: boolean
}
