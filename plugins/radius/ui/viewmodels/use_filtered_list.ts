import { computed, reactive, ref } from 'vue'
import { router } from '@inertiajs/vue3'
import type { PageMeta, TableQuery } from '../../../../resources/models/table'

/**
 * A server-paged list with filters kept in the URL (bookmarkable): applying
 * filters goes back to page 1, paging keeps the filters. Only the list's
 * props are reloaded.
 */
export function useFilteredList<F extends { [K in keyof F]: string }>(options: {
  path: string
  only: string[]
  /** The filters the server applied (the page's `filters` prop) */
  current: () => F
  meta: () => PageMeta
}) {
  const blank = Object.fromEntries(Object.keys(options.current()).map((key) => [key, ''])) as F
  const filters = reactive({ ...options.current() }) as F
  const loading = ref(false)

  function load(page = 1) {
    const params: Record<string, string | number> = {}
    for (const [key, value] of Object.entries(filters)) {
      if (String(value).trim()) params[key] = String(value).trim()
    }
    if (page > 1) params.page = page
    router.get(options.path, params, {
      only: options.only,
      preserveState: true,
      preserveScroll: true,
      replace: true,
      onStart: () => (loading.value = true),
      onFinish: () => (loading.value = false),
    })
  }

  const query = computed<TableQuery>(() => ({
    page: options.meta().page,
    perPage: options.meta().perPage,
  }))

  const filtered = computed(() => Object.values(options.current()).some((value) => value !== ''))

  return {
    filters,
    loading,
    query,
    filtered,
    apply: () => load(1),
    reset() {
      Object.assign(filters, blank)
      load(1)
    },
    updateQuery: (next: TableQuery) => load(next.page),
  }
}
