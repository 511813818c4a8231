import { useI18n } from 'vue-i18n'
import type { Translator } from './explain'

/** The i18n functions as a Translator for lib/explain.ts (reads the current locale). */
export function useTranslator(): Translator {
  const { t, te, locale } = useI18n()
  return {
    t: (k, p) => t(k, p ?? {}),
    te: (k) => te(k),
    get locale() {
      return locale.value
    },
  }
}
