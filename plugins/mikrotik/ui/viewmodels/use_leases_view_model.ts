import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { TableColumn } from '../../../../resources/models/table'
import type { RouterPageProps } from '../models/live'
import { useTabQuery } from './use_tab_query'

const COLUMNS: TableColumn[] = [
  { key: 'address', label: 'mikrotik.leases.columns.address' },
  { key: 'macAddress', label: 'mikrotik.leases.columns.mac' },
  { key: 'hostName', label: 'mikrotik.leases.columns.host' },
  { key: 'server', label: 'mikrotik.leases.columns.server' },
  { key: 'status', label: 'mikrotik.leases.columns.status' },
  { key: 'expiresAfter', label: 'mikrotik.leases.columns.expires' },
]

/** DHCP leases as the router shows them, searchable by address, MAC or host name. */
export function useLeasesViewModel(props: RouterPageProps) {
  const { t } = useI18n()
  const list = useTabQuery(props, 'leases')
  const rows = computed(() =>
    (props.leases?.data ?? []).map((lease) => ({
      ...lease,
      kind: lease.dynamic ? t('mikrotik.leases.dynamic') : t('mikrotik.leases.static'),
    }))
  )
  return {
    ...list,
    columns: COLUMNS,
    rows,
    meta: computed(() => props.leases?.meta ?? { total: 0, page: 1, perPage: 25, lastPage: 1 }),
    filtered: computed(() => Boolean(props.query.q)),
  }
}
