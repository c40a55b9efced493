import { ref, type Ref } from 'vue'
import type { InertiaForm } from '@inertiajs/vue3'

/**
 * A modal editor over a list: "new" opens the form empty, "edit" opens it
 * filled from a row; saving posts to the list's address (or patches the
 * row's) and closes the modal only once the server accepted. Refused fields
 * stay in `form.errors`, beside their fields.
 */
export function useModalEditor<Row extends { id: string }, Draft extends object>(options: {
  form: InertiaForm<Draft>
  empty: Draft
  toDraft: (row: Row) => Draft
  toInput: (draft: Draft) => object
  /** The list's address: new rows are posted here, a row is patched at `<url>/<id>` */
  url: string
  onSaved: () => void
}) {
  const { form } = options
  const editing = ref(null) as Ref<Row | null>
  const formOpen = ref(false)

  function open(row: Row | null, draft: Draft) {
    editing.value = row
    form.defaults({ ...draft })
    form.reset()
    form.clearErrors()
    formOpen.value = true
  }

  function submit() {
    const visit = {
      preserveState: true,
      preserveScroll: true,
      onSuccess: () => {
        formOpen.value = false
        options.onSaved()
      },
    }
    const sending = form.transform(options.toInput)
    if (editing.value) sending.patch(`${options.url}/${editing.value.id}`, visit)
    else sending.post(options.url, visit)
  }

  return {
    editing,
    formOpen,
    openNew: () => open(null, options.empty),
    openWith: (row: Row) => open(row, options.toDraft(row)),
    submit,
  }
}
