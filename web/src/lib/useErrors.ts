// Showing API errors in a page: messages in the UI's language for the network case,
// the server's own (already localised by Accept-Language) otherwise.
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
