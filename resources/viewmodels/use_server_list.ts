import { ref } from 'vue'
import { router } from '@inertiajs/vue3'
import type { TableQuery } from '../models/table'

/**
 * Behaviour behind a list the server searches, filters and pages. The query
 * lives in the URL (`?q=…&status=…&page=…`, empty values left out), so a
 * reload or a shared link shows the same list; only the list's own props are
 * asked for again. Typing waits for a pause before asking the server; paging
 * and filters ask at once, and a new filter starts again from page 1.
 */
export function useServerList<F extends object>(options: {
  /** The page's address */
  url: string
  /** Props the server sends again (the list, its filters) */
  only: string[]
  initial: TableQuery
  filters: F
  /** Parameters that always travel with the query (e.g. the open tab) */
  fixed?: Record<string, string>
  debounceMs?: number
}) {
  const query = ref<TableQuery>({ ...options.initial })
  const filters = ref({ ...options.filters }) as { value: F }
  const loading = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined

  function params() {
    const { page, search } = query.value
    const all: Record<string, string | number | undefined> = {
      ...options.fixed,
      ...(filters.value as Record<string, string>),
      q: search?.trim(),
      page: page > 1 ? page : undefined,
    }
    return Object.fromEntries(
      Object.entries(all).filter(([, value]) => value !== '' && value !== undefined)
    )
  }

  function load() {
    clearTimeout(timer)
    router.get(options.url, params(), {
      only: options.only,
      preserveState: true,
      preserveScroll: true,
      replace: true,
      onStart: () => (loading.value = true),
      onFinish: () => (loading.value = false),
    })
  }

  function update(next: TableQuery) {
    const searchChanged = next.search !== query.value.search
    query.value = next
    clearTimeout(timer)
    if (searchChanged) timer = setTimeout(load, options.debounceMs ?? 300)
    else load()
  }

  function setFilter<K extends keyof F>(key: K, value: F[K]) {
    filters.value = { ...filters.value, [key]: value }
    query.value = { ...query.value, page: 1 }
    load()
  }

  return { query, filters, loading, load, update, setFilter }
}
