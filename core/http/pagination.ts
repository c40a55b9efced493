import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'

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

export const DEFAULT_PER_PAGE = 20

export type Page<T> = PageResponse<T>

/**
 * Counts the rows `filtered` matches, then fetches one page of them with
 * the columns and order `select` adds. A page past the end is empty, not an error.
 */
export async function paginate<Row, T>(
  filtered: DatabaseQueryBuilderContract<any>,
  options: { page?: number; perPage?: number },
  select: (query: DatabaseQueryBuilderContract<any>) => DatabaseQueryBuilderContract<any>,
  toItem: (row: Row) => T
): Promise<Page<T>> {
  const page = options.page ?? 1
  const perPage = options.perPage ?? DEFAULT_PER_PAGE
  const [{ total }] = await filtered.clone().count('* as total')
  const rows = await select(filtered.clone())
    .limit(perPage)
    .offset((page - 1) * perPage)
  const count = Number(total)
  return {
    data: rows.map(toItem),
    meta: { total: count, page, perPage, lastPage: Math.max(1, Math.ceil(count / perPage)) },
  }
}

/** `%` and `_` typed by a user are literal characters, not wildcards. */
export function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}
