import { ref } from 'vue'
import { router as inertia } from '@inertiajs/vue3'
import type { TableQuery } from '../../../../resources/models/table'
import type { RouterPageProps } from '../models/live'

/**
 * Search, type filter and page of the open tab's list. They live in the URL
 * (`?tab=…&q=…&page=…`) so a reload or a shared link shows the same list, and
 * only the tab's own prop is asked for again.
 */
export function useTabQuery(
  props: RouterPageProps,
  prop: 'sessions' | 'accounts' | 'leases' | 'logs'
) {
  const query = ref<TableQuery>({
    page: props.query.page,
    perPage: props[prop]?.meta.perPage ?? 25,
    search: props.query.q,
  })
  const type = ref<string>(props.query.type)
  const loading = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined

  function load() {
    inertia.get(
      `/mikrotik/routers/${props.router.id}`,
      {
        tab: props.tab,
        q: query.value.search?.trim() || undefined,
        type: type.value || undefined,
        page: query.value.page > 1 ? query.value.page : undefined,
      },
      {
        only: [prop, 'query', 'liveError'],
        preserveState: true,
        preserveScroll: true,
        replace: true,
        onStart: () => (loading.value = true),
        onFinish: () => (loading.value = false),
      }
    )
  }

  /** Typing waits for a pause before asking the server; paging asks at once. */
  function updateQuery(next: TableQuery) {
    const searchChanged = next.search !== query.value.search
    query.value = next
    clearTimeout(timer)
    if (searchChanged) timer = setTimeout(load, 300)
    else load()
  }

  function setType(next: string) {
    type.value = next
    query.value = { ...query.value, page: 1 }
    load()
  }

  return { query, type, loading, updateQuery, setType }
}
