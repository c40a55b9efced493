import { computed, ref } from 'vue'
import { router as inertia, useForm } from '@inertiajs/vue3'
import { draftOf, routerPayload, type RouterDraft } from '../models/router'
import type { RouterPageProps } from '../models/live'
import { messageOf } from './form_support'

/**
 * The settings tab: the router's fields with the server's messages beside
 * them, and removal after a confirmation (for roles that may remove).
 */
export function useRouterSettingsViewModel(props: RouterPageProps) {
  const form = useForm<RouterDraft>(draftOf(props.router))
  const errorFor = (field: string) => messageOf(form.errors as Record<string, unknown>, field)
  const url = computed(() => `/mikrotik/routers/${props.router.id}`)

  function save() {
    form
      .transform((draft) => routerPayload(draft, true))
      .patch(url.value, {
        preserveScroll: true,
        onSuccess: () => {
          form.defaults(draftOf(props.router))
          form.reset()
        },
      })
  }

  const confirmOpen = ref(false)
  const deleting = ref(false)
  function remove() {
    inertia.delete(url.value, {
      onStart: () => (deleting.value = true),
      onFinish: () => {
        deleting.value = false
        confirmOpen.value = false
      },
    })
  }

  return {
    form,
    errorFor,
    save,
    canDelete: computed(() => props.can.delete),
    confirmOpen,
    deleting,
    remove,
  }
}
