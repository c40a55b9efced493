import { computed, ref } from 'vue'
import { router, usePage } from '@inertiajs/vue3'
import type { SharedProps } from '../models/panel'

/**
 * The screen of an account the platform has suspended (unpaid invoice) or
 * deactivated: which account, why, and the ways out — check again once
 * paid, or sign out.
 */
export function useSuspendedViewModel(props: { state: 'isolated' | 'deactivated' }) {
  const page = usePage<SharedProps>()
  const checking = ref(false)
  function checkAgain() {
    router.visit('/', {
      onStart: () => (checking.value = true),
      onFinish: () => (checking.value = false),
    })
  }
  function signOut() {
    router.post('/logout')
  }
  return {
    isolated: computed(() => props.state === 'isolated'),
    tenantName: computed(() => page.props.tenant?.name ?? ''),
    logoUrl: computed(() => page.props.tenant?.logoUrl ?? null),
    userEmail: computed(() => page.props.user?.email ?? ''),
    checking,
    checkAgain,
    signOut,
  }
}
