import { watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { useToast } from '@nuxt/ui/composables/useToast'
import { useNotify } from '../../../../resources/lib/notify'
import type { Notice } from '../models/router'

export { messageOf } from '../../../../resources/lib/form_errors'

/**
 * Shows the server's one-time notice (after a redirect) as a toast: success
 * in green, a queued or partial outcome in amber, a failure in red with the
 * router's reason underneath.
 */
export function useNotice(notice: () => Notice | null) {
  const { t } = useI18n()
  const notify = useNotify()
  const toast = useToast()
  watch(
    notice,
    (value) => {
      if (!value) return
      const title = t(`mikrotik.notice.${value.key}`)
      if (value.kind === 'error') notify.error(title, value.detail)
      else if (value.kind === 'warning')
        toast.add({
          title,
          description: value.detail,
          color: 'warning',
          icon: 'i-lucide-clock',
        })
      else notify.success(value.detail ? `${title}: ${value.detail}` : title)
    },
    { immediate: true }
  )
}
