import { computed, ref } from 'vue'
import { useForm } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { useNotify } from '../../../../resources/lib/notify'
import type { ImportPageProps } from '../models/customer'
import { messageOf } from './form_helpers'

/**
 * The CSV import: choose a file, check it (a dry run that writes nothing and
 * lists every line that would be refused, with reasons), then import it. The
 * file stays chosen between the two steps, so the import reads what was checked.
 */
export function useImportViewModel(props: ImportPageProps) {
  const { t } = useI18n()
  const notify = useNotify()
  const form = useForm<{ file: File | null; dryRun: boolean }>({ file: null, dryRun: true })
  const missingFile = ref(false)
  const checkedName = ref<string | null>(null)

  function pick(files: FileList | null) {
    form.file = files?.[0] ?? null
    missingFile.value = false
    checkedName.value = null
  }

  function send(dryRun: boolean) {
    if (!form.file) {
      missingFile.value = true
      return
    }
    form.dryRun = dryRun
    const name = form.file.name
    form.post('/customers/import', {
      forceFormData: true,
      preserveState: true,
      preserveScroll: true,
      onSuccess: () => {
        if (dryRun) checkedName.value = name
        else if (props.report && !props.report.dryRun)
          notify.success(t('customers.import.done', { n: props.report.imported }))
      },
    })
  }

  const report = computed(() => props.report)
  /** Lines that pass: what "Import" would add. */
  const accepted = computed(() =>
    report.value ? report.value.total - report.value.rejected.length : 0
  )
  const canCommit = computed(
    () =>
      Boolean(form.file) &&
      report.value?.dryRun === true &&
      checkedName.value === form.file?.name &&
      accepted.value > 0
  )
  const rejectedRows = computed(() =>
    (report.value?.rejected ?? []).map((r) => ({
      ...r,
      who: [r.name, r.username].filter(Boolean).join(' · ') || '—',
      reasons: r.reasons.map((reason) => `${reason.field}: ${reason.message}`),
    }))
  )

  return {
    form,
    pick,
    check: () => send(true),
    commit: () => send(false),
    report,
    accepted,
    canCommit,
    rejectedRows,
    fileError: computed(() =>
      missingFile.value
        ? t('customers.import.chooseFile')
        : (props.error ??
          messageOf(form.errors as Record<string, unknown>, 'file') ??
          messageOf(form.errors as Record<string, unknown>, 'csv'))
    ),
    columns: computed(() => props.columns.join(', ')),
    maxRows: computed(() => props.maxRows),
  }
}
