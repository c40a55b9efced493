import { useToast } from '@nuxt/ui/composables/useToast'
import { useI18n } from 'vue-i18n'

/** Toasts in the panel's language, with the icon and colour of their outcome. */
export function useNotify() {
  const toast = useToast()
  const { t } = useI18n()
  return {
    success(message = t('toast.saved')) {
      toast.add({ title: message, color: 'success', icon: 'i-lucide-circle-check' })
    },
    error(message = t('toast.failed'), description?: string) {
      toast.add({ title: message, description, color: 'error', icon: 'i-lucide-circle-alert' })
    },
  }
}
