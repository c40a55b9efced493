import type { Status } from '../../../../resources/models/table'

/** Customers, their accounts and packages as the panel pages receive them. */
export type CustomerStatus = 'active' | 'isolated' | 'terminated'
export type SubscriptionStatus = 'active' | 'isolated' | 'expired' | 'terminated'
export type ServiceType = 'pppoe' | 'hotspot_member' | 'static_ip'

export interface Customer {
  id: string
  name: string
  /** E.164 (+62…): the server normalises whatever was typed */
  phone: string | null
  email: string | null
  address: string | null
  identityNumber: string | null
  category: string
  status: CustomerStatus
  notes: string | null
  usernames: string[]
  createdAt: string
}

export interface Subscription {
  id: string
  packageName: string
  serviceType: ServiceType
  username: string
  status: SubscriptionStatus
  startDate: string | null
  expiresAt: string | null
  staticIp: string | null
}

export interface PackageChoice {
  id: string
  name: string
  price: number
  service: ServiceType
  downloadKbps: number
  uploadKbps: number
}

export interface Paginated<T> {
  data: T[]
  meta: { total: number; page: number; perPage: number; lastPage: number }
}

/** What the signed-in user may change (the server refuses the rest anyway). */
export interface Abilities {
  write: boolean
  managePackages: boolean
}

export interface CustomersPageProps {
  customers: Paginated<Customer>
  filters: { q: string; status: CustomerStatus | '' }
  can: Abilities
}

export interface CustomerPageProps {
  customer: Customer
  subscriptions: Subscription[]
  packages: PackageChoice[]
  can: Abilities
}

/** The panel's shared badge colours for this plugin's own states. */
export const BADGE: Record<CustomerStatus | SubscriptionStatus, Status> = {
  active: 'active',
  isolated: 'isolated',
  expired: 'pending',
  terminated: 'inactive',
}

export interface CustomerDraft {
  name: string
  phone: string
  email: string
  address: string
  identityNumber: string
  notes: string
}

export interface SubscriptionDraft {
  packageId: string
  username: string
  password: string
}
