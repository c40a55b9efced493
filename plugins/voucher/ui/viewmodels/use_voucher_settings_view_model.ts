import { computed } from 'vue'
import { useForm } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { useNotify } from '../../../../resources/lib/notify'
import type { SettingsDraft, SettingsPageProps } from '../models/voucher'
import { blankToNull, messageOf } from './form_helpers'

/** The voucher settings form; the server's messages show beside their fields. */
export function useVoucherSettingsViewModel(props: SettingsPageProps) {
  const { t } = useI18n()
  const notify = useNotify()
  const form = useForm<SettingsDraft>({
    delivery: props.settings.delivery,
    defaultRouterId: props.settings.defaultRouterId ?? '',
    hotspotServer: props.settings.hotspotServer ?? '',
    hotspotLoginUrl: props.settings.hotspotLoginUrl ?? '',
    cardTemplate: props.settings.cardTemplate,
    useLogo: props.settings.useLogo,
  })
  const errorFor = (field: keyof SettingsDraft | 'form') =>
    messageOf(form.errors as Record<string, unknown>, field)

  function submit() {
    form
      .transform((draft) => ({
        ...draft,
        defaultRouterId: draft.defaultRouterId || null,
        hotspotServer: blankToNull(draft.hotspotServer),
        hotspotLoginUrl: blankToNull(draft.hotspotLoginUrl),
      }))
      .put('/voucher-settings', {
        preserveScroll: true,
        onSuccess: () => notify.success(t('voucher.settings.saved')),
      })
  }

  return {
    form,
    errorFor,
    submit,
    canManage: computed(() => props.can.manage),
    noRouters: computed(() => props.routers.length === 0),
    deliveryOptions: computed(() =>
      (['radius', 'push'] as const).map((value) => ({
        value,
        label: t(`voucher.delivery.${value}`),
        description: t(`voucher.settings.deliveryHelp.${value}`),
      }))
    ),
    routerOptions: computed(() => props.routers.map((r) => ({ value: r.id, label: r.name }))),
    templateOptions: computed(() =>
      (['a4', 'thermal58'] as const).map((value) => ({
        value,
        label: t(`voucher.template.${value}`),
      }))
    ),
  }
}
