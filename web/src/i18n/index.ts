// vue-i18n set-up: zh-CN by default, English switchable; the choice is remembered
// and sent to the API as Accept-Language.
import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'
import { setLanguage } from '@/api/client'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' }
const STORAGE_KEY = 'jincai.locale'

export function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    if (saved && (LOCALES as readonly string[]).includes(saved)) return saved as Locale
  } catch {
    /* no storage */
  }
  return 'zh-CN'
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
  missingWarn: false,
  fallbackWarn: false,
})

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  setLanguage(locale)
  document.documentElement.lang = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    /* no storage */
  }
}

export function currentLocale(): Locale {
  return i18n.global.locale.value as Locale
}
