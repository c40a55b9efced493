import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'

export const DEFAULT_PER_PAGE = 20

export interface Page<T> {
  data: T[]
  meta: { total: number; page: number; perPage: number; lastPage: number }
}

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
