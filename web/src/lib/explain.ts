// Words for the engine's answers: input names, values and "what it would take"
// changes in the UI's language, falling back to the raw names of inputs the UI does
// not know (a policy may add inputs).
import type { WhatItTakesChange } from '@/api/types'
import { formatMoney } from './format'

export interface Translator {
  t: (key: string, params?: Record<string, unknown>) => string
  te: (key: string) => boolean
  locale: string
}

export function fieldLabel(tr: Translator, field: string): string {
  const key = `dossier.fields.${field}`
  return tr.te(key) ? tr.t(key) : field
}

/** A value of an input, as a person reads it. */
export function valueLabel(tr: Translator, field: string, value: unknown): string {
  if (value === null || value === undefined) return tr.t('common.none')
  if (typeof value === 'boolean') return tr.t(value ? 'common.yes' : 'common.no')
  if (typeof value === 'number') {
    return field.endsWith('_cny') ? `${formatMoney(value, tr.locale)} ${tr.t('common.yuan')}` : String(value)
  }
  if (typeof value === 'string') {
    const key = `dossier.values.${field}.${value}`
    return tr.te(key) ? tr.t(key) : value
  }
  if (typeof value === 'object' && !Array.isArray(value)) {
    const rec = value as Record<string, unknown>
    const parts: string[] = []
    if (typeof rec.level === 'string') parts.push(valueLabel(tr, 'level', rec.level))
    if (typeof rec.rank === 'number') parts.push(tr.t('dossier.rankValue', { rank: rec.rank }))
    for (const [k, v] of Object.entries(rec)) {
      if (k === 'level' || k === 'rank') continue
      parts.push(`${fieldLabel(tr, k)} ${valueLabel(tr, k, v)}`)
    }
    return parts.join(' ')
  }
  return JSON.stringify(value)
}

/** One "what it would take" change in words. */
export function describeChange(tr: Translator, c: WhatItTakesChange): string {
  const field = fieldLabel(tr, c.field)
  if (c.add !== undefined) {
    return tr.t('preview.changeAdd', { field, value: valueLabel(tr, c.field, c.add) })
  }
  return tr.t('preview.changeSet', {
    field,
    from: valueLabel(tr, c.field, c.from),
    to: valueLabel(tr, c.field, c.to),
  })
}

/** An entitlement's name: the UI's own words for the shipped ones, else its id. */
export function entitlementLabel(tr: Translator, id: string): string {
  const key = `entitlements.${id}`
  return tr.te(key) ? tr.t(key) : id
}
