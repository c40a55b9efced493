import { computed } from 'vue'
import type { ImpersonationPageProps } from '../../models/admin'

/** The page of a super admin acting inside a tenant: whom they act as (the banner offers the way back). */
export function useImpersonationViewModel(props: ImpersonationPageProps) {
  return { tenantName: computed(() => props.impersonation.tenantName) }
}
