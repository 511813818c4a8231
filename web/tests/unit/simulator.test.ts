// The simulator without a browser: slider ranges and steps from a parameter's value,
// values as text, the `set` of changed parameters only, parameter groups and words,
// the reform's version, the charts' options and the transition matrix from a report,
// and the scheduler that keeps one request in flight.
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import zh from '@/i18n/zh-CN'
import en from '@/i18n/en'
import type { SimParameter, SimReport } from '@/api/types'
import type { Translator } from '@/lib/explain'
import {
  PARAM_GROUPS,
  baseValue,
  buildSet,
  compactNumber,
  costChartOption,
  defaultReformVersion,
  formatNumber,
  groupParams,
  isChanged,
  isVersion,
  latestRunner,
  paramGroup,
  paramLabel,
  reformFileName,
  roundTo,
  signed,
  sliderBounds,
  sliderRange,
  tierChartOption,
  tierStamp,
  transitionMatrix,
  valueText,
  type Clock,
} from '@/lib/simulator'

function translator(locale: 'zh-CN' | 'en'): Translator {
  const i18n = createI18n({ legacy: false, locale, messages: { 'zh-CN': zh, en } })
  return { t: (k, p) => i18n.global.t(k, p ?? {}), te: (k) => i18n.global.te(k), locale }
}
const param = (name: string, kind: string, value: string): SimParameter => ({ name, kind, value, assumption: '', cite: '' })

describe('slider ranges', () => {
  it('spans 0 to three times the value, stepping by a hundredth of its magnitude', () => {
    expect(sliderRange('100')).toEqual({ min: 0, max: 300, step: 1, decimals: 0 })
    expect(sliderRange('0.6')).toEqual({ min: 0, max: 1.8, step: 0.01, decimals: 2 })
    expect(sliderRange('0.16')).toEqual({ min: 0, max: 0.48, step: 0.001, decimals: 3 })
    expect(sliderRange('0.005')).toEqual({ min: 0, max: 0.015, step: 0.0001, decimals: 4 })
    expect(sliderRange('1000000.00')).toEqual({ min: 0, max: 3000000, step: 10000, decimals: 0 })
    expect(sliderRange('10000000.00')).toEqual({ min: 0, max: 30000000, step: 100000, decimals: 0 })
  })
  it('keeps whole numbers whole', () => {
    expect(sliderRange('2')).toEqual({ min: 0, max: 6, step: 1, decimals: 0 })
    expect(sliderRange('10')).toEqual({ min: 0, max: 30, step: 1, decimals: 0 })
  })
  it('puts the value itself on a step', () => {
    const r = sliderRange('1234.5')
    expect(r.step).toBe(0.1)
    expect(Number.isInteger(1234.5 / r.step)).toBe(true)
  })
  it('handles zero, negative and unreadable values', () => {
    expect(sliderRange('0')).toEqual({ min: 0, max: 10, step: 1, decimals: 0 })
    expect(sliderRange('-5')).toEqual({ min: -15, max: 0, step: 1, decimals: 0 })
    expect(sliderRange('abc')).toEqual({ min: 0, max: 100, step: 1, decimals: 0 })
  })
  it('widens the bounds to hold a value typed beyond them', () => {
    const r = sliderRange('100')
    expect(sliderBounds(r, 90)).toEqual({ min: 0, max: 300 })
    expect(sliderBounds(r, 500)).toEqual({ min: 0, max: 500 })
    expect(sliderBounds(r, -3)).toEqual({ min: -3, max: 300 })
    expect(sliderBounds(r, Number.NaN)).toEqual({ min: 0, max: 300 })
  })
})

describe('values and the set of changed parameters', () => {
  const params = [
    param('tier_a_min_points', 'number', '100'),
    param('spouse_allowance_factor', 'number', '0.6'),
    param('salary_unit_cny', 'money', '100000.00'),
    param('family_entitlements_full_time_only', 'bool', 'true'),
    param('motto', 'string', 'work'),
  ]
  const base = Object.fromEntries(params.map((p) => [p.name, baseValue(p)]))
  it('reads the version’s values', () => {
    expect(base).toEqual({ tier_a_min_points: 100, spouse_allowance_factor: 0.6, salary_unit_cny: 100000, family_entitlements_full_time_only: true, motto: 'work' })
  })
  it('sends nothing when nothing changed (100.00 is 100)', () => {
    expect(buildSet(params, base)).toEqual({})
    expect(isChanged(params[2], 100000)).toBe(false)
  })
  it('sends only what changed, as text, without binary noise', () => {
    const values = { ...base, tier_a_min_points: 90, spouse_allowance_factor: 0.6000000000000001 + 0.2, family_entitlements_full_time_only: false }
    expect(buildSet(params, values)).toEqual({ tier_a_min_points: '90', spouse_allowance_factor: '0.8', family_entitlements_full_time_only: 'false' })
  })
  it('keeps a typed fraction and money as plain numbers', () => {
    expect(buildSet(params, { ...base, tier_a_min_points: 90.5, salary_unit_cny: 120000 })).toEqual({ tier_a_min_points: '90.5', salary_unit_cny: '120000' })
    expect(buildSet(params, { ...base, motto: ' play ' })).toEqual({ motto: 'play' })
  })
  it('writes numbers without trailing zeros', () => {
    expect(formatNumber(0.6, 2)).toBe('0.6')
    expect(formatNumber(90, 0)).toBe('90')
    expect(formatNumber(0.0050000001, 4)).toBe('0.005')
    expect(roundTo(0.1 + 0.2, 10)).toBe(0.3)
    expect(valueText(params[3], true)).toBe('true')
  })
})

describe('parameter groups and words', () => {
  it('groups by the names’ first words, tiers first', () => {
    expect(paramGroup('tier_b_min_points')).toBe('tiers')
    expect(paramGroup('award_national_rank1_points')).toBe('awards')
    expect(paramGroup('pension_rate')).toBe('insurance')
    expect(paramGroup('spouse_allowance_factor')).toBe('family')
    expect(paramGroup('something_new')).toBe('other')
    const g = groupParams([param('honor_academician_points', 'number', '100'), param('tier_a_min_points', 'number', '100'), param('x', 'number', '1')])
    expect(g.map((x) => x.group)).toEqual(['tiers', 'honors', 'other'])
  })
  it('has words for every group and names parameters in both languages', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const tr = translator(locale)
      for (const g of PARAM_GROUPS) expect(tr.te(`simulator.groups.${g}`), g).toBe(true)
    }
    expect(paramLabel(translator('zh-CN'), 'tier_a_min_points')).toBe('A 类最低积分')
    expect(paramLabel(translator('en'), 'tier_a_min_points')).toBe('Tier A: minimum points')
    expect(paramLabel(translator('en'), 'brand_new_parameter')).toBe('brand new parameter')
  })
})

describe('the reform’s version and file', () => {
  it('offers the base version with -reform, within 40 characters', () => {
    expect(defaultReformVersion('1.0.0')).toBe('1.0.0-reform')
    expect(defaultReformVersion('x'.repeat(40))).toHaveLength(40)
    expect(isVersion(defaultReformVersion('x'.repeat(40)))).toBe(true)
  })
  it('checks versions as the server does', () => {
    expect(isVersion('1.0.0-reform+2')).toBe(true)
    expect(isVersion('bad version!')).toBe(false)
    expect(isVersion('')).toBe(false)
    expect(isVersion('x'.repeat(41))).toBe(false)
  })
  it('names the file', () => {
    expect(reformFileName('shanxi-2017', '1.0.0-reform')).toBe('shanxi-2017-1.0.0-reform.toml')
  })
})

const report: SimReport = {
  dossiers: 100000,
  changed: 8484,
  tier_changed: 2479,
  errors: { base: 0, reform: 0 },
  tiers: [
    { id: 'A', base: 1957, reform: 4436 },
    { id: 'B', base: 7359, reform: 4966 },
    { id: 'C', base: 19272, reform: 19272 },
    { id: 'none', base: 71412, reform: 71326 },
  ],
  transitions: [
    { from: 'A', to: 'A', count: 1957 },
    { from: 'B', to: 'A', count: 2393 },
    { from: 'B', to: 'B', count: 4966 },
    { from: 'C', to: 'C', count: 19272 },
    { from: 'none', to: 'A', count: 86 },
    { from: 'none', to: 'none', count: 71326 },
  ],
  entitlements: [],
  cost_by_payer: [
    { payer: 'employer', monthly_cny: { base: 38071909, reform: 50762544.03 }, yearly_cny: { base: 1, reform: 2 } },
    { payer: 'government', monthly_cny: { base: 0, reform: 0 }, yearly_cny: { base: 0, reform: 0 } },
  ],
}

describe('the charts of a simulation', () => {
  it('puts tiers base beside reform, in words (no tier left to the text)', () => {
    const o = tierChartOption(report, translator('zh-CN')) as any
    expect(o.xAxis.data).toEqual(['A 类', 'B 类', 'C 类'])
    expect(o.series.map((s: any) => s.name)).toEqual(['现行', '改革后'])
    expect(o.series[0].data).toEqual([1957, 7359, 19272])
    expect(o.series[1].data).toEqual([4436, 4966, 19272])
    expect(tierStamp(report)).toBe('A:4436,B:4966,C:19272,none:71326')
  })
  it('puts the monthly cost by payer, in English too', () => {
    const o = costChartOption(report, translator('en')) as any
    expect(o.xAxis.data).toEqual(['Employer', 'Government'])
    expect(o.series[1].data).toEqual([50762544.03, 0])
    expect(o.yAxis.axisLabel.formatter(38071909)).toBe('38.1M')
  })
  it('builds the transition matrix with each cell’s share of its row', () => {
    const m = transitionMatrix(report)
    expect(m.ids).toEqual(['A', 'B', 'C', 'none'])
    const b = m.rows.find((r) => r.from === 'B')!
    expect(b.total).toBe(7359)
    expect(b.cells.map((c) => c.count)).toEqual([2393, 4966, 0, 0])
    expect(b.cells[0].share).toBeCloseTo(2393 / 7359)
    expect(m.rows.find((r) => r.from === 'C')!.cells.map((c) => c.count)).toEqual([0, 0, 19272, 0])
  })
  it('writes large numbers and changes compactly', () => {
    expect(compactNumber(38071909, 'zh-CN')).toBe('3807.2万')
    expect(signed(2479, 'en')).toBe('+2,479')
    expect(signed(-86, 'en')).toBe('−86')
    expect(signed(0, 'en')).toBe('0')
  })
})

describe('one request in flight, the latest state sent', () => {
  function fakeClock() {
    let now = 0
    const timers: { at: number; fn: () => void; id: number }[] = []
    let next = 1
    const clock: Clock = {
      now: () => now,
      setTimeout: (fn, ms) => {
        timers.push({ at: now + ms, fn, id: next })
        return next++
      },
      clearTimeout: (id) => {
        const i = timers.findIndex((t) => t.id === id)
        if (i >= 0) timers.splice(i, 1)
      },
    }
    const advance = async (ms: number) => {
      now += ms
      for (;;) {
        const due = timers.filter((t) => t.at <= now).sort((a, b) => a.at - b.at)[0]
        if (!due) break
        timers.splice(timers.indexOf(due), 1)
        due.fn()
        await flush()
      }
      await flush()
    }
    return { clock, advance }
  }
  const flush = async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve()
  }

  it('starts at once after a quiet spell, and folds changes during a run into one', async () => {
    const { clock, advance } = fakeClock()
    const starts: number[] = []
    let finish: () => void = () => {}
    const run = () => {
      starts.push(clock.now())
      return new Promise<void>((ok) => (finish = ok))
    }
    const r = latestRunner(run, 100, clock)
    r.schedule()
    await flush()
    expect(starts).toEqual([0]) // a key press: no waiting
    expect(r.busy).toBe(true)
    await advance(20)
    r.schedule()
    r.schedule()
    r.schedule()
    await advance(200)
    expect(starts).toEqual([0]) // still one in flight
    finish()
    await flush()
    expect(starts).toEqual([0, 220]) // the latest state, once
    finish()
    await flush()
    expect(r.busy).toBe(false)
  })

  it('sends at most one request per interval while a slider moves', async () => {
    const { clock, advance } = fakeClock()
    const starts: number[] = []
    const r = latestRunner(
      async () => {
        starts.push(clock.now())
      },
      100,
      clock,
    )
    for (let i = 0; i < 30; i++) {
      r.schedule()
      await flush()
      await advance(10)
    }
    await advance(200)
    expect(starts.length).toBeGreaterThanOrEqual(3)
    expect(starts.length).toBeLessThanOrEqual(4)
    for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(100)
  })

  it('runs nothing once cancelled', async () => {
    const { clock, advance } = fakeClock()
    let runs = 0
    const r = latestRunner(
      async () => {
        runs++
      },
      100,
      clock,
    )
    r.schedule()
    await flush()
    r.schedule()
    r.cancel()
    await advance(500)
    expect(runs).toBe(1)
  })
})
