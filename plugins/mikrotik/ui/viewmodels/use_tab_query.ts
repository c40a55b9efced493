import { computed } from 'vue'
import { useServerList } from '../../../../resources/viewmodels/use_server_list'
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
  const list = useServerList({
    url: `/mikrotik/routers/${props.router.id}`,
    only: [prop, 'query', 'liveError'],
    initial: {
      page: props.query.page,
      perPage: props[prop]?.meta.perPage ?? 25,
      search: props.query.q,
    },
    filters: { type: props.query.type as string },
    fixed: { tab: props.tab },
  })
  const type = computed(() => list.filters.value.type)
  const setType = (next: string) => list.setFilter('type', next)
  return { query: list.query, type, loading: list.loading, updateQuery: list.update, setType }
}
