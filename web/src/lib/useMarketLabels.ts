// Words for the recruitment market's codes in the UI's language: professional fields,
// cities and modes of engagement (all from GET /reference, fetched once), the
// options of their selects, and pay in words. Call `load()` before the first use.
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Labelled } from '@/api/types'
import { useReference } from '@/stores/reference'
import { formatCny, formatPayRange } from './market'

export function useMarketLabels() {
  const refs = useReference()
  const { t, locale } = useI18n()
  const word = (l: Labelled) => (locale.value === 'en' ? l.en ?? l.code : l.zh)
  const options = (list: 'fields' | 'cities' | 'engagements') =>
    computed(() => (refs.reference?.[list] ?? []).map((l) => ({ value: l.code, label: word(l) })))
  return {
    load: () => refs.loadReference().catch(() => undefined),
    loaded: computed(() => refs.reference !== null),
    field: (code: string) => (code ? refs.label('fields', code, locale.value) : ''),
    city: (code: string) => (code ? refs.label('cities', code, locale.value) : ''),
    engagement: (code: string) => (code ? refs.label('engagements', code, locale.value) : ''),
    fields: options('fields'),
    cities: options('cities'),
    engagements: options('engagements'),
    /** A monthly pay range in words: "25,000–45,000 元/月", "CNY 25,000–45,000 a month", or negotiable. */
    pay: (min: number, max: number) => {
      const range = formatPayRange(min, max, locale.value)
      return range === null ? t('market.payNegotiable') : t('market.payRange', { range })
    },
    cny: (n: number) => formatCny(n, locale.value),
    /** The lists themselves, for lib/market.ts. */
    lists: computed(() => ({ fields: refs.reference?.fields ?? [], cities: refs.reference?.cities ?? [], engagements: refs.reference?.engagements ?? [] })),
  }
}
