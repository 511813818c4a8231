// The policy simulator in the browser, without I/O: a parameter's slider range and
// step derived from its value, values as the API takes them (text), the `set` of the
// parameters that differ from the version's, the charts' options built from a
// simulation's report, and the scheduler that keeps one request in flight and sends
// the latest state when it returns.
import type { SimParameter, SimReport } from '@/api/types'
import type { Translator } from './explain'

// --- parameters --------------------------------------------------------------------------

export type ParamValue = number | boolean | string

/** Kinds shown as a slider with an input box. */
export function isNumeric(kind: string): boolean {
  return kind === 'number' || kind === 'money'
}

export interface SliderRange {
  min: number
  max: number
  step: number
  /** Decimals of the step: values are written with at most these. */
  decimals: number
}

const EPS = 1e-9

/** 10^exp written exactly (1e-3 is 0.001, not 0.0010000000000000002). */
function pow10(exp: number): number {
  return Number(`1e${exp}`)
}

function decimalsOfStep(step: number): number {
  return Math.max(0, -Math.floor(Math.log10(step) + EPS))
}

/** Is `v` a whole number of `step`s (within rounding)? */
function onGrid(v: number, step: number): boolean {
  const n = v / step
  return Math.abs(n - Math.round(n)) < 1e-6
}

/** `v` rounded to `decimals` places, without binary leftovers (0.1 + 0.2 → 0.3). */
export function roundTo(v: number, decimals: number): number {
  return Number(v.toFixed(Math.min(Math.max(decimals, 0), 20)))
}

/**
 * The slider of a numeric parameter, from its value in the version: 0 to three times
 * the value (a negative value: three times below to 0; zero: 0 to 10), stepping by a
 * hundredth of the range's magnitude (whole numbers stay whole: at least 1), fine
 * enough that the value itself lies on a step. 100 → 0..300 by 1; 0.6 → 0..1.8 by
 * 0.01; 0.005 → 0..0.015 by 0.0001; 1000000 → 0..3000000 by 10000.
 */
export function sliderRange(baseText: string): SliderRange {
  const v = Number(baseText)
  if (baseText.trim() === '' || !Number.isFinite(v)) return { min: 0, max: 100, step: 1, decimals: 0 }
  const span = v === 0 ? 10 : Math.abs(v) * 3
  let step = pow10(Math.floor(Math.log10(span) + EPS) - 2)
  if (Number.isInteger(v)) step = Math.max(1, step)
  let exp = Math.round(Math.log10(step))
  while (exp > -12 && !onGrid(v, pow10(exp))) exp -= 1
  step = pow10(exp)
  const decimals = decimalsOfStep(step)
  return {
    min: v < 0 ? roundTo(-span, decimals) : 0,
    max: v < 0 ? 0 : roundTo(span, decimals),
    step,
    decimals,
  }
}

/** The slider's bounds for a current value: the range, widened to hold a value typed beyond it. */
export function sliderBounds(range: SliderRange, current: number): { min: number; max: number } {
  return {
    min: Number.isFinite(current) ? Math.min(range.min, current) : range.min,
    max: Number.isFinite(current) ? Math.max(range.max, current) : range.max,
  }
}

/** The value of a parameter in the version, as the page holds it. */
export function baseValue(p: SimParameter): ParamValue {
  if (isNumeric(p.kind)) return Number(p.value)
  if (p.kind === 'bool') return p.value === 'true'
  return p.value
}

/** A number as text with at most `decimals` places, without trailing zeros: 0.60 → "0.6". */
export function formatNumber(v: number, decimals: number): string {
  const s = roundTo(v, decimals).toFixed(Math.min(Math.max(decimals, 0), 20))
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s
}

/** A value as the API takes it in `set`: "90", "0.8", "true", "2020-01-01" (numbers to 10 places, binary noise dropped). */
export function valueText(p: SimParameter, v: ParamValue, decimals = 10): string {
  if (isNumeric(p.kind)) return formatNumber(Number(v), decimals)
  if (p.kind === 'bool') return v ? 'true' : 'false'
  return String(v).trim()
}

/** Does the value differ from the version's? Numbers compare as numbers ("100.00" is 100). */
export function isChanged(p: SimParameter, v: ParamValue | undefined): boolean {
  if (v === undefined) return false
  if (isNumeric(p.kind)) {
    const b = Number(p.value)
    const n = Number(v)
    if (!Number.isFinite(n)) return false
    return Math.abs(n - b) > EPS * Math.max(1, Math.abs(b))
  }
  if (p.kind === 'bool') return v !== (p.value === 'true')
  return String(v).trim() !== p.value
}

/**
 * The `set` of a simulation or a reform: only the parameters whose value differs from
 * the version's, in the list's order, as text.
 */
export function buildSet(params: readonly SimParameter[], values: Readonly<Record<string, ParamValue>>): Record<string, string> {
  const set: Record<string, string> = {}
  for (const p of params) {
    const v = values[p.name]
    if (isChanged(p, v)) set[p.name] = valueText(p, v)
  }
  return set
}

/** Groups of the parameters list, in the order shown, by the names' first words. */
export const PARAM_GROUPS = ['tiers', 'honors', 'awards', 'projects', 'performance', 'contribution', 'family', 'insurance', 'other'] as const
export type ParamGroup = (typeof PARAM_GROUPS)[number]

const GROUP_PREFIXES: readonly [string, ParamGroup][] = [
  ['tier_', 'tiers'],
  ['permanent_residence_min', 'tiers'],
  ['honor_', 'honors'],
  ['award_', 'awards'],
  ['project_', 'projects'],
  ['salary_', 'performance'],
  ['experience_', 'performance'],
  ['invention_patent', 'contribution'],
  ['commercialized_patent', 'contribution'],
  ['revenue_', 'contribution'],
  ['tax_', 'contribution'],
  ['jobs_', 'contribution'],
  ['standard', 'contribution'],
  ['spouse_', 'family'],
  ['family_', 'family'],
  ['school_', 'family'],
  ['pension_rate', 'insurance'],
  ['medical_rate', 'insurance'],
  ['unemployment_rate', 'insurance'],
  ['injury_rate', 'insurance'],
  ['maternity_rate', 'insurance'],
]

export function paramGroup(name: string): ParamGroup {
  return GROUP_PREFIXES.find(([prefix]) => name.startsWith(prefix))?.[1] ?? 'other'
}

/** The parameters grouped, groups in PARAM_GROUPS order, empty groups left out. */
export function groupParams(params: readonly SimParameter[]): { group: ParamGroup; items: SimParameter[] }[] {
  return PARAM_GROUPS.map((group) => ({ group, items: params.filter((p) => paramGroup(p.name) === group) })).filter((g) => g.items.length)
}

/** A parameter's name in the UI's words, else the name made readable. */
export function paramLabel(tr: Translator, name: string): string {
  const key = `simulator.params.${name}`
  return tr.te(key) ? tr.t(key) : name.replace(/_/g, ' ')
}

// --- a reform's policy file ------------------------------------------------------------------

/** A version as the server takes it: 1 to 40 letters, digits or . - _ + */
export function isVersion(text: string): boolean {
  return /^[A-Za-z0-9.+_-]{1,40}$/.test(text)
}

/** The version offered for a reform: the base's with "-reform" (kept to 40 characters). */
export function defaultReformVersion(base: string): string {
  const suffix = '-reform'
  return `${base.slice(0, 40 - suffix.length)}${suffix}`
}

export function reformFileName(policyId: string, version: string): string {
  return `${policyId}-${version}.toml`.replace(/[^A-Za-z0-9.+_-]/g, '_')
}

// --- the charts ---------------------------------------------------------------------------

export const BASE_COLOR = '#9aa5b1'
export const REFORM_COLOR = '#b71c1c'

export function tierLabel(tr: Translator, id: string): string {
  return id === 'none' ? tr.t('preview.noTier') : tr.t('preview.tierName', { tier: id })
}

/** Who pays, in a word: "用人单位", "Government". */
export function payerLabel(tr: Translator, payer: string): string {
  const key = `simulator.payers.${payer}`
  return tr.te(key) ? tr.t(key) : payer
}

/** A large number in few characters: 38,071,909 → "3807.2万" / "38.1M". */
export function compactNumber(v: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'zh-CN', { notation: 'compact', maximumFractionDigits: 1 }).format(v)
}

/** Whole numbers with grouping: 71412 → "71,412". */
export function groupNumber(v: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 2 }).format(v)
}

/** Base beside reform as grouped bars: one category per item. */
function baseReformBars(tr: Translator, categories: string[], base: number[], reform: number[], money: boolean) {
  const fmt = (v: number) => (money ? `${groupNumber(v, tr.locale)} ${tr.t('common.yuan')}` : groupNumber(v, tr.locale))
  return {
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, data: [tr.t('simulator.base'), tr.t('simulator.reform')] },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => fmt(Number(v)) },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: money ? 0 : 1, axisLabel: { formatter: (v: number) => compactNumber(v, tr.locale) } },
    series: [
      { type: 'bar', name: tr.t('simulator.base'), data: base, itemStyle: { color: BASE_COLOR }, barMaxWidth: 36 },
      {
        type: 'bar',
        name: tr.t('simulator.reform'),
        data: reform,
        itemStyle: { color: REFORM_COLOR },
        barMaxWidth: 36,
        label: { show: true, position: 'top', fontSize: 11, formatter: (p: { value: number }) => compactNumber(p.value, tr.locale) },
      },
    ],
    // A redraw after a slider moves: short, so that the chart follows the hand.
    animationDurationUpdate: 150,
  }
}

/**
 * Dossiers per tier, base beside reform. Those of no tier (most of a population) are
 * left out: beside them the tiers' bars would be too short to compare; the page says
 * their number in words.
 */
export function tierChartOption(report: SimReport, tr: Translator) {
  const tiers = report.tiers.filter((x) => x.id !== 'none')
  return baseReformBars(
    tr,
    tiers.map((x) => tierLabel(tr, x.id)),
    tiers.map((x) => x.base),
    tiers.map((x) => x.reform),
    false,
  )
}

/** Monthly cost (yuan) by payer, base beside reform. */
export function costChartOption(report: SimReport, tr: Translator) {
  return baseReformBars(
    tr,
    report.cost_by_payer.map((x) => payerLabel(tr, x.payer)),
    report.cost_by_payer.map((x) => x.monthly_cny.base),
    report.cost_by_payer.map((x) => x.monthly_cny.reform),
    true,
  )
}

/** The reform's counts per tier as one short text ("A:4436,B:4966,C:19272,none:71326"), to compare results. */
export function tierStamp(report: SimReport): string {
  return report.tiers.map((x) => `${x.id}:${x.reform}`).join(',')
}

export interface TransitionRow {
  from: string
  total: number
  cells: { to: string; count: number; share: number }[]
}

/**
 * The tier transition matrix, rows the base tier, columns the reform's, in the
 * report's tier order; `share` is a cell's part of its row (0..1), for shading.
 */
export function transitionMatrix(report: SimReport): { ids: string[]; rows: TransitionRow[] } {
  const ids = report.tiers.map((x) => x.id)
  for (const t of report.transitions) {
    if (!ids.includes(t.from)) ids.push(t.from)
    if (!ids.includes(t.to)) ids.push(t.to)
  }
  const count = (from: string, to: string) => report.transitions.find((t) => t.from === from && t.to === to)?.count ?? 0
  const rows = ids.map((from) => {
    const counts = ids.map((to) => count(from, to))
    const total = counts.reduce((a, b) => a + b, 0)
    return { from, total, cells: ids.map((to, i) => ({ to, count: counts[i], share: total ? counts[i] / total : 0 })) }
  })
  return { ids, rows }
}

/** A change as a signed number with grouping: +2,479 / −86 / 0. */
export function signed(v: number, locale: string): string {
  if (!v) return '0'
  return `${v > 0 ? '+' : '−'}${groupNumber(Math.abs(v), locale)}`
}

// --- one request in flight, the latest state sent --------------------------------------------

export interface Clock {
  now: () => number
  setTimeout: (fn: () => void, ms: number) => unknown
  clearTimeout: (id: unknown) => void
}

const realClock: Clock = {
  now: () => (typeof performance !== 'undefined' ? performance.now() : Date.now()),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
}

export interface LatestRunner {
  /** Something changed: run soon, with the state of the moment it starts. */
  schedule: () => void
  /** Stop: nothing scheduled runs, and a run in flight starts no other. */
  cancel: () => void
  readonly busy: boolean
}

/**
 * Runs `run` after changes, at most one at a time and at most once per `wait` ms: a
 * change after a quiet spell starts at once (a key press answers without delay);
 * changes while one runs, or sooner than `wait` after the last start, are folded
 * into one run of the latest state (a slider dragged sends about ten a second).
 */
export function latestRunner(run: () => Promise<unknown>, wait = 100, clock: Clock = realClock): LatestRunner {
  let dirty = false
  let inFlight = false
  let stopped = false
  let timer: unknown = null
  let lastStart = -Infinity

  function start() {
    timer = null
    if (stopped || !dirty || inFlight) return
    dirty = false
    inFlight = true
    lastStart = clock.now()
    Promise.resolve()
      .then(run)
      .catch(() => undefined)
      .finally(() => {
        inFlight = false
        if (dirty && !stopped) schedule(true)
      })
  }

  function schedule(again = false) {
    if (stopped) return
    if (!again) dirty = true
    if (inFlight || timer !== null) return
    const since = clock.now() - lastStart
    if (since >= wait) start()
    else timer = clock.setTimeout(start, wait - since)
  }

  return {
    schedule: () => schedule(false),
    cancel() {
      stopped = true
      if (timer !== null) clock.clearTimeout(timer)
      timer = null
    },
    get busy() {
      return inFlight
    },
  }
}
