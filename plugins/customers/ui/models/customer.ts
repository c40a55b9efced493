import type { Status } from '../../../../resources/models/table.js'

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
  updatedAt?: string
  /** On the detail page: who added and who last changed the customer */
  createdByName?: string | null
  updatedByName?: string | null
}

export interface Subscription {
  id: string
  customerId: string
  packageId: string
  packageName: string
  serviceType: ServiceType
  username: string
  status: SubscriptionStatus
  startDate: string | null
  expiresAt: string | null
  staticIp: string | null
  macAddress: string | null
  isolationReason: string | null
}

export interface PackageChoice {
  id: string
  name: string
  price: number
  service: ServiceType
  active: boolean
  downloadKbps: number
  uploadKbps: number
}

export interface Category {
  name: string
  label: string
  builtIn: boolean
}

export type DocumentKind = 'identity' | 'contract' | 'photo' | 'other'

export interface CustomerDocument {
  id: string
  kind: DocumentKind
  fileName: string
  contentType: string
  sizeBytes: number
  uploadedByName: string | null
  createdAt: string
}

/** One line of the customer's audit trail. */
export interface ActivityEntry {
  id: string
  action: string
  actor: string
  actorName: string | null
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  createdAt: string
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
  filters: { q: string; status: CustomerStatus | ''; category: string; packageId: string }
  categories: Category[]
  packages: { id: string; name: string }[]
  can: Abilities
}

export interface CustomerPageProps {
  customer: Customer
  subscriptions: Subscription[]
  documents: CustomerDocument[]
  activity: Paginated<ActivityEntry>
  categories: Category[]
  packages: PackageChoice[]
  /** A password just revealed (once, from the session flash) */
  revealed: { id: string; password: string } | null
  can: Abilities
}

export interface ImportReport {
  dryRun: boolean
  total: number
  imported: number
  rejected: {
    line: number
    name: string | null
    username: string | null
    reasons: { field: string; message: string }[]
  }[]
}

export interface ImportPageProps {
  columns: string[]
  maxRows: number
  report: ImportReport | null
  error: string | null
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
  /** Only on the edit form */
  category?: string
  status?: CustomerStatus
}

export interface SubscriptionDraft {
  packageId: string
  username: string
  password: string
}

/** The "edit account" form; an empty password keeps the current one. */
export interface SubscriptionEditDraft {
  packageId: string
  status: SubscriptionStatus
  password: string
  macAddress: string
  staticIp: string
  isolationReason: string
}

export interface DocumentDraft {
  kind: DocumentKind
  file: File | null
}
