// Running a workflow action on an application: confirm it (or ask for the reason the
// action needs), send the revision seen, and on a conflict say so and reload.
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { api } from '@/api/endpoints'
import { isApiError } from '@/api/problem'
import type { AppAction, Application } from '@/api/types'
import { useErrors } from './useErrors'

/** Actions that need a reason (the API refuses them without one). */
export const REASON_REQUIRED: readonly AppAction[] = ['return', 'reject', 'revoke']

export function useApplicationActions() {
  const { t } = useI18n()
  const { describe } = useErrors()
  const busy = ref<string | null>(null)

  /**
   * Runs `action` on the application; resolves to the updated application, or null
   * when the user cancelled or it failed (the failure is shown). `onConflict` is
   * called when someone acted in between, so that the page can reload.
   */
  async function run(app: { id: number; revision: number }, action: AppAction, onConflict?: () => void): Promise<Application | null> {
    const label = t(`actions.${action}`)
    let reason: string | undefined
    try {
      if (REASON_REQUIRED.includes(action)) {
        const r = await ElMessageBox.prompt(t('applications.reasonLabel'), t('applications.reasonTitle', { action: label }), {
          inputType: 'textarea',
          inputValidator: (v: string) => (v && v.trim() ? true : t('applications.reasonRequired')),
          confirmButtonText: label,
          cancelButtonText: t('common.cancel'),
          customClass: 'reason-box',
        })
        reason = r.value.trim()
      } else {
        await ElMessageBox.confirm(t('applications.confirmAction', { action: label, id: app.id }), label, {
          confirmButtonText: label,
          cancelButtonText: t('common.cancel'),
          type: action === 'withdraw' ? 'warning' : 'info',
        })
      }
    } catch {
      return null // cancelled
    }
    busy.value = `${app.id}:${action}`
    try {
      const updated = await api.act(app.id, action, { revision: app.revision, ...(reason ? { reason } : {}) })
      ElMessage.success(t('applications.actionDone', { action: label }))
      return updated
    } catch (e) {
      if (isApiError(e) && e.code === 'conflict') {
        ElMessage.warning({ message: `${t('applications.conflict')} (${describe(e)})`, duration: 5000 })
        onConflict?.()
      } else {
        ElMessage.error(describe(e))
      }
      return null
    } finally {
      busy.value = null
    }
  }

  return { run, busy }
}
