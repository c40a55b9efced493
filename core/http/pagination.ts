/** What every paginated list answers: `{ data, meta: { total, page, perPage, lastPage } }`. */
export interface PageResponse<T> {
  data: T[]
  meta: { total: number; page: number; perPage: number; lastPage: number }
}

interface LucidPage<Row> {
  all(): Row[] | unknown[]
  total: number
  currentPage: number
  perPage: number
  lastPage: number
}

export function pageResponse<Row, T>(
  page: LucidPage<Row>,
  present: (row: Row) => T
): PageResponse<T> {
  return {
    data: (page.all() as Row[]).map(present),
    meta: {
      total: page.total,
      page: page.currentPage,
      perPage: page.perPage,
      lastPage: page.lastPage,
    },
  }
}
