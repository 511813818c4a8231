// Names for the ids that application lists carry (talent_id, employer_id): the
// list endpoints give ids only, so the page fetches the talents and employers in
// the caller's scope once and labels rows from them.
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { api } from '@/api/endpoints'
import { useReference } from '@/stores/reference'
import { regionName } from './card'
import { entitlementLabel } from './explain'
import { humanize } from './format'
import { payerLabel, tierLabel } from './simulator'
import { useTranslator } from './useTranslator'

export function useNames() {
  const refs = useReference()
  const talents = ref(new Map<number, string>())
  async function load(withTalents = true) {
    await Promise.all([
      refs.loadEmployers().catch(() => undefined),
      withTalents
        ? api
            .talents()
            .then((r) => {
              talents.value = new Map(r.items.map((x) => [x.id, x.name]))
            })
            .catch(() => undefined)
        : Promise.resolve(),
    ])
  }
  const talentName = (id: number) => talents.value.get(id) ?? `#${id}`
  const employerName = (id: number | null) => (id == null ? '' : refs.employerName(id))
  return { load, talentName, employerName }
}

/**
 * Words for the codes that statistics and lists carry, in the UI's language: tiers,
 * cities and kinds of employer (from /reference), nationalities (the browser's region
 * names), entitlements, payers, application and claim states, age bands; a field of
 * work is free text, shown with its underscores as spaces. Call `load()` for the
 * reference codes.
 */
export function useCodeLabels() {
  const refs = useReference()
  const { t, te, locale } = useI18n()
  const tr = useTranslator()
  const known = (key: string, fallback: string) => (te(key) ? t(key) : fallback)
  return {
    load: () => refs.loadReference().catch(() => undefined),
    tier: (id: string) => tierLabel(tr, id),
    city: (code: string) => (code ? refs.label('cities', code, locale.value) : t('statistics.notGiven')),
    employerKind: (code: string) => (code ? refs.label('employer_kinds', code, locale.value) : t('statistics.notGiven')),
    nationality: (code: string) => (code ? regionName(code, locale.value) : t('statistics.notGiven')),
    field: (text: string) => (text ? humanize(text) : t('statistics.notGiven')),
    entitlement: (id: string) => entitlementLabel(tr, id),
    payer: (p: string) => payerLabel(tr, p),
    applicationState: (s: string) => known(`states.${s}`, s),
    claimState: (s: string) => known(`claimStates.${s}`, s),
    ageBand: (band: string) => {
      const under = /^<(\d+)$/.exec(band)
      if (under) return t('statistics.age.under', { age: under[1] })
      const over = /^(\d+)\+$/.exec(band)
      if (over) return t('statistics.age.over', { age: over[1] })
      const range = /^(\d+)-(\d+)$/.exec(band)
      return range ? t('statistics.age.range', { from: range[1], to: range[2] }) : band
    },
  }
}
