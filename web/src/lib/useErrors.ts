// Showing API errors in a page: messages in the UI's language for the network case,
// the server's own (already localised by Accept-Language) otherwise.
import { reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { isApiError, mapErrorToForm, type MapOptions, type MappedErrors } from '@/api/problem'

export function useErrors() {
  const { t } = useI18n()
  function describe(err: unknown): string {
    if (isApiError(err)) {
      if (err.code === 'network') return t('errors.network')
      return err.problem.detail || err.problem.title || t('errors.generic')
    }
    return err instanceof Error && err.message ? err.message : t('errors.generic')
  }
  function toForm(err: unknown, opts: MapOptions = {}): MappedErrors {
    const m = mapErrorToForm(err, opts)
    if (m.general !== null) m.general = describe(err)
    return m
  }
  function notify(err: unknown) {
    ElMessage.error({ message: describe(err), grouping: true })
  }
  return { describe, toForm, notify }
}

// A form's errors from the API: one per field (shown at the field) and one for the
// form (shown above it), cleared before each submission.
export function useFormErrors() {
  const fieldErrors = reactive<Record<string, string>>({})
  const general = ref<string | null>(null)
  function clearErrors() {
    general.value = null
    for (const k of Object.keys(fieldErrors)) delete fieldErrors[k]
  }
  function showErrors(m: MappedErrors) {
    Object.assign(fieldErrors, m.fields)
    general.value = m.general
  }
  return { fieldErrors, general, clearErrors, showErrors }
}
