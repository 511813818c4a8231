// The officers' statistics dashboard without I/O: counts sorted for a chart, the
// pool's monthly flow with the months between filled in, money in fen as yuan, the
// claims per entitlement and state as a table, and the charts' options.
import type { Counts, Statistics } from '@/api/types'
import { CLAIM_ENTITLEMENTS, CLAIM_STATES } from './claims'
import type { Translator } from './explain'
import { compactNumber, groupNumber } from './simulator'

/** Fen as a number of yuan, for charts (the exact text is formatFen's): 771000 → 7710. */
export function fenToYuan(fen: number): number {
  return Math.round(fen) / 100
}

/** The sum of a record's counts. */
export function total(counts: Counts | undefined): number {
  return Object.values(counts ?? {}).reduce((a, b) => a + b, 0)
}

export interface Entry {
  key: string
  label: string
  value: number
}

/**
 * A record of counts as chart entries: in `order` when given (keys it does not know
 * after), else the largest first, ties by key.
 */
export function entries(counts: Counts | undefined, label: (key: string) => string = (k) => k, order?: readonly string[]): Entry[] {
  const list = Object.entries(counts ?? {}).map(([key, value]) => ({ key, label: label(key), value }))
  if (order) {
    const at = (k: string) => {
      const i = order.indexOf(k)
      return i < 0 ? order.length : i
    }
    return list.sort((a, b) => at(a.key) - at(b.key) || a.key.localeCompare(b.key))
  }
  return list.sort((a, b) => b.value - a.value || a.key.localeCompare(b.key))
}

/** The age bands in their order. */
export const AGE_BANDS = ['<30', '30-39', '40-49', '50-59', '60+'] as const

/** Every month from `from` to `to` (YYYY-MM, both included; empty when `to` comes first). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = []
  let y = Number(from.slice(0, 4))
  let m = Number(from.slice(5, 7))
  const ty = Number(to.slice(0, 4))
  const tm = Number(to.slice(5, 7))
  if (!y || !m || !ty || !tm) return out
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`)
    if (++m > 12) {
      m = 1
      y += 1
    }
    if (out.length > 1200) break // a century: enough for any card
  }
  return out
}

export const FLOW_KINDS = ['issued', 'renewed', 'revoked', 'expired'] as const
export type FlowKind = (typeof FLOW_KINDS)[number]

/** The flow month by month from the first to the last month with any, months without any as 0. */
export function flowSeries(flow: Statistics['flow']): { months: string[] } & Record<FlowKind, number[]> {
  const sorted = [...flow].sort((a, b) => a.month.localeCompare(b.month))
  const months = sorted.length ? monthsBetween(sorted[0].month, sorted[sorted.length - 1].month) : []
  const byMonth = new Map(sorted.map((f) => [f.month, f]))
  const series = Object.fromEntries(FLOW_KINDS.map((k) => [k, months.map((m) => byMonth.get(m)?.[k] ?? 0)])) as Record<FlowKind, number[]>
  return { months, ...series }
}

export interface ClaimsTable {
  states: string[]
  rows: { entitlement: string; counts: number[]; total: number }[]
  totals: number[]
  total: number
}

/** Claims per entitlement (rows, in the claims' order) and state (columns that have any, in the workflow's order). */
export function claimsTable(claims: Statistics['claims']): ClaimsTable {
  const present = new Set(Object.values(claims).flatMap((c) => Object.keys(c)))
  const known = CLAIM_STATES as readonly string[]
  const states = [...known.filter((s) => present.has(s)), ...[...present].filter((s) => !known.includes(s)).sort()]
  const order = CLAIM_ENTITLEMENTS.map((e) => e.id) as string[]
  const ents = Object.keys(claims).sort((a, b) => {
    const ia = order.indexOf(a) < 0 ? order.length : order.indexOf(a)
    const ib = order.indexOf(b) < 0 ? order.length : order.indexOf(b)
    return ia - ib || a.localeCompare(b)
  })
  const rows = ents.map((entitlement) => {
    const counts = states.map((s) => claims[entitlement][s] ?? 0)
    return { entitlement, counts, total: counts.reduce((a, b) => a + b, 0) }
  })
  const totals = states.map((_, i) => rows.reduce((a, r) => a + r.counts[i], 0))
  return { states, rows, totals, total: totals.reduce((a, b) => a + b, 0) }
}

/** The monthly cost of the cards in force, in fen, all payers together. */
export function monthlyFenTotal(s: Pick<Statistics, 'monthly_fen_by_payer'>): number {
  return total(s.monthly_fen_by_payer)
}

// --- chart options ---------------------------------------------------------------------------

const RED = '#b71c1c'
const PALETTE = ['#b71c1c', '#e57373', '#8d6e63', '#f9a825', '#546e7a', '#2e7d32', '#6a1b9a', '#00838f', '#ad1457', '#9e9d24']

/** Counts as bars: vertical, or horizontal (long labels such as fields) with the largest on top. */
export function barOption(list: Entry[], tr: Translator, opts: { name: string; horizontal?: boolean; color?: string }) {
  const labels = list.map((e) => e.label)
  const data = list.map((e) => e.value)
  const category = { type: 'category', data: labels, inverse: !!opts.horizontal, axisLabel: { width: 120, overflow: 'truncate', interval: 0 } }
  const value = { type: 'value', minInterval: 1 }
  return {
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => groupNumber(Number(v), tr.locale) },
    xAxis: opts.horizontal ? value : category,
    yAxis: opts.horizontal ? category : value,
    series: [
      {
        type: 'bar',
        name: opts.name,
        data,
        itemStyle: { color: opts.color ?? RED },
        barMaxWidth: opts.horizontal ? 18 : 36,
        label: { show: true, position: opts.horizontal ? 'right' : 'top' },
      },
    ],
  }
}

/** Shares as a ring. */
export function pieOption(list: Entry[], tr: Translator, opts: { name: string }) {
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', valueFormatter: (v: unknown) => groupNumber(Number(v), tr.locale) },
    legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle' },
    series: [
      {
        type: 'pie',
        name: opts.name,
        radius: ['40%', '70%'],
        center: ['35%', '50%'],
        avoidLabelOverlap: true,
        label: { show: true, formatter: '{c}' },
        data: list.map((e) => ({ name: e.label, value: e.value })),
      },
    ],
  }
}

const FLOW_COLORS: Record<FlowKind, string> = { issued: '#2e7d32', renewed: '#1565c0', revoked: '#c62828', expired: '#ef6c00' }

/** Cards issued, renewed, revoked and expired per month, as lines. */
export function flowOption(flow: Statistics['flow'], tr: Translator) {
  const s = flowSeries(flow)
  return {
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: s.months, boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1 },
    series: FLOW_KINDS.map((k) => ({
      type: 'line',
      name: tr.t(`statistics.flow.${k}`),
      data: s[k],
      showSymbol: s.months.length <= 36,
      itemStyle: { color: FLOW_COLORS[k] },
      lineStyle: { color: FLOW_COLORS[k] },
    })),
  }
}

/** The monthly cost of the cards in force by payer (yuan), as bars. */
export function payerCostOption(s: Pick<Statistics, 'monthly_fen_by_payer'>, tr: Translator, payerLabel: (p: string) => string) {
  const list = entries(s.monthly_fen_by_payer, payerLabel, ['employer', 'government'])
  return {
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${groupNumber(Number(v), tr.locale)} ${tr.t('common.yuan')}` },
    xAxis: { type: 'category', data: list.map((e) => e.label) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => compactNumber(v, tr.locale) } },
    series: [
      {
        type: 'bar',
        name: tr.t('statistics.monthlyCost'),
        data: list.map((e) => fenToYuan(e.value)),
        itemStyle: { color: RED },
        barMaxWidth: 48,
        label: { show: true, position: 'top', formatter: (p: { value: number }) => compactNumber(p.value, tr.locale) },
      },
    ],
  }
}

/** Counts in words for screen readers: "A 类 1，B 类 1". */
export function spoken(list: Entry[], locale: string): string {
  return list.map((e) => `${e.label} ${groupNumber(e.value, locale)}`).join(locale === 'en' ? ', ' : '，')
}
