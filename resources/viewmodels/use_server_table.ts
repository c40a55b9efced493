import { ref } from 'vue'
import { router } from '@inertiajs/vue3'
import type { TableQuery } from '../models/table'

/**
 * Behaviour behind a server-side data table: each change of page, sort or
 * search reloads only the table's prop, keeping the query in the URL.
 * Typing in the search box waits for a pause before asking the server.
 */
export function useServerTable(options: {
  prop: string
  initial: TableQuery
  debounceMs?: number
}) {
  const query = ref<TableQuery>({ ...options.initial })
  const loading = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined

  function load() {
    const { page, perPage, sort, direction, search } = query.value
    router.reload({
      only: [options.prop],
      data: { page, perPage, sort, direction, search: search || undefined },
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

  return { query, loading, update }
}
