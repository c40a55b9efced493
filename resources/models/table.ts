/**
 * What a server-side table asks the server for and what it gets back.
 * The query travels as URL parameters, so a filtered page can be bookmarked.
 */
export type SortDirection = 'asc' | 'desc'

export interface TableQuery {
  page: number
  perPage: number
  sort?: string
  direction?: SortDirection
  search?: string
}

export interface PageMeta {
  total: number
  page: number
  perPage: number
}

export interface TableColumn {
  key: string
  /** i18n key of the header */
  label: string
  sortable?: boolean
  align?: 'start' | 'end'
}

export type Status = 'active' | 'inactive' | 'pending' | 'isolated' | 'error' | 'unknown'
