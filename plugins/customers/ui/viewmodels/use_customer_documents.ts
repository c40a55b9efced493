import { computed, ref } from 'vue'
import { router, useForm, usePage } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { useNotify } from '../../../../resources/lib/notify'
import { formatDate } from '../../../../resources/lib/format'
import { usePreferencesStore } from '../../../../resources/stores/preferences_store'
import type { SharedProps } from '../../../../resources/models/panel'
import type { CustomerDocument, CustomerPageProps, DocumentDraft } from '../models/customer'
import { formatBytes } from '../models/labels'
import { messageOf } from './form_helpers'

/** Accepted by the server too (it checks the content); the picker only narrows the choice. */
export const DOCUMENT_ACCEPT = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png'

/**
 * The documents of a customer: the list with who uploaded what, downloads
 * through the panel's own (session-checked) route, upload and delete.
 */
export function useCustomerDocuments(props: CustomerPageProps) {
  const { t } = useI18n()
  const notify = useNotify()
  const preferences = usePreferencesStore()
  const page = usePage<SharedProps>()

  const base = computed(() => `/customers/${props.customer.id}/documents`)
  const documents = computed(() =>
    props.documents.map((d) => ({
      ...d,
      kindLabel: t(`customers.documents.kind.${d.kind}`),
      size: formatBytes(d.sizeBytes),
      uploaded: formatDate(d.createdAt, {
        locale: preferences.locale,
        timeZone: page.props.tenant?.timezone,
        withTime: true,
      }),
      href: `${base.value}/${d.id}`,
      icon: d.contentType === 'application/pdf' ? 'i-lucide-file-text' : 'i-lucide-image',
    }))
  )
  const kindOptions = computed(() =>
    (['identity', 'contract', 'photo', 'other'] as const).map((value) => ({
      value,
      label: t(`customers.documents.kind.${value}`),
    }))
  )

  const uploadOpen = ref(false)
  const uploadForm = useForm<DocumentDraft>({ kind: 'identity', file: null })
  const uploadErrorFor = (field: keyof DocumentDraft | 'form') =>
    messageOf(uploadForm.errors as Record<string, unknown>, field)

  function openUpload() {
    uploadForm.reset()
    uploadForm.clearErrors()
    uploadOpen.value = true
  }

  function pick(files: FileList | null) {
    uploadForm.file = files?.[0] ?? null
  }

  function submitUpload() {
    uploadForm.post(base.value, {
      forceFormData: true,
      preserveState: true,
      preserveScroll: true,
      onSuccess: () => {
        uploadOpen.value = false
        uploadForm.reset()
        notify.success(t('customers.documents.uploaded'))
      },
    })
  }

  const deleting = ref<CustomerDocument | null>(null)
  const deleteOpen = ref(false)
  const deleteBusy = ref(false)
  function askDelete(document: CustomerDocument) {
    deleting.value = document
    deleteOpen.value = true
  }
  function confirmDelete() {
    if (!deleting.value) return
    router.delete(`${base.value}/${deleting.value.id}`, {
      preserveScroll: true,
      onStart: () => (deleteBusy.value = true),
      onFinish: () => (deleteBusy.value = false),
      onSuccess: () => {
        deleteOpen.value = false
        notify.success(t('customers.documents.deleted'))
      },
    })
  }

  return {
    documents,
    kindOptions,
    accept: DOCUMENT_ACCEPT,
    uploadOpen,
    uploadForm,
    uploadErrorFor,
    openUpload,
    pick,
    submitUpload,
    deleting,
    deleteOpen,
    deleteBusy,
    askDelete,
    confirmDelete,
  }
}
