// The statistics dashboard without a browser: fen as yuan, counts sorted for charts,
// the monthly flow with the months between filled in, the claims table, and the
// charts' options.
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import zh from '@/i18n/zh-CN'
import en from '@/i18n/en'
import type { Statistics } from '@/api/types'
import type { Translator } from '@/lib/explain'
import { AGE_BANDS, barOption, claimsTable, entries, fenToYuan, flowOption, flowSeries, monthlyFenTotal, monthsBetween, payerCostOption, pieOption, spoken, total } from '@/lib/statistics'
import { formatFen } from '@/lib/claims'

function translator(locale: 'zh-CN' | 'en'): Translator {
  const i18n = createI18n({ legacy: false, locale, messages: { 'zh-CN': zh, en } })
  return { t: (k, p) => i18n.global.t(k, p ?? {}), te: (k) => i18n.global.te(k), locale }
}

describe('money', () => {
  it('turns fen into yuan for charts, and formats them exactly for text', () => {
    expect(fenToYuan(771000)).toBe(7710)
    expect(fenToYuan(185040)).toBe(1850.4)
    expect(fenToYuan(1)).toBe(0.01)
    expect(formatFen(956040)).toBe('9,560.40')
    expect(monthlyFenTotal({ monthly_fen_by_payer: { employer: 956040, government: 5 } })).toBe(956045)
    expect(total(undefined)).toBe(0)
  })
})

describe('counts for charts', () => {
  it('sorts the largest first, ties by key, with labels', () => {
    expect(entries({ taiyuan: 2, lvliang: 1, datong: 2 }, (k) => k.toUpperCase())).toEqual([
      { key: 'datong', label: 'DATONG', value: 2 },
      { key: 'taiyuan', label: 'TAIYUAN', value: 2 },
      { key: 'lvliang', label: 'LVLIANG', value: 1 },
    ])
  })
  it('keeps a given order, unknown keys after', () => {
    expect(entries({ '60+': 1, '40-49': 3, '<30': 2, odd: 9 }, undefined, AGE_BANDS).map((e) => e.key)).toEqual(['<30', '40-49', '60+', 'odd'])
  })
  it('says the counts in words', () => {
    expect(spoken([{ key: 'A', label: 'A 类', value: 1200 }, { key: 'B', label: 'B 类', value: 3 }], 'zh-CN')).toBe('A 类 1,200，B 类 3')
    expect(spoken([], 'en')).toBe('')
  })
})

describe('the monthly flow', () => {
  it('lists every month between two, over a year’s end', () => {
    expect(monthsBetween('2020-11', '2021-02')).toEqual(['2020-11', '2020-12', '2021-01', '2021-02'])
    expect(monthsBetween('2021-02', '2021-02')).toEqual(['2021-02'])
    expect(monthsBetween('2021-03', '2021-02')).toEqual([])
    expect(monthsBetween('bad', '2021-02')).toEqual([])
  })
  it('fills the months without any with 0, in order', () => {
    const s = flowSeries([
      { month: '2021-01', issued: 0, renewed: 1, revoked: 0, expired: 2 },
      { month: '2020-11', issued: 2, renewed: 0, revoked: 0, expired: 0 },
    ])
    expect(s.months).toEqual(['2020-11', '2020-12', '2021-01'])
    expect(s.issued).toEqual([2, 0, 0])
    expect(s.renewed).toEqual([0, 0, 1])
    expect(s.expired).toEqual([0, 0, 2])
    expect(flowSeries([]).months).toEqual([])
  })
  it('draws a line per kind, named in the UI’s language', () => {
    const o = flowOption([{ month: '2026-11', issued: 5, renewed: 0, revoked: 2, expired: 2 }], translator('zh-CN')) as any
    expect(o.series.map((s: any) => s.name)).toEqual(['发卡', '续期', '撤销', '到期'])
    expect(o.series.map((s: any) => s.type)).toEqual(['line', 'line', 'line', 'line'])
    expect(o.xAxis.data).toEqual(['2026-11'])
  })
})

describe('claims by entitlement and state', () => {
  const claims: Statistics['claims'] = {
    turnover_housing: { assigned: 1, occupied: 2 },
    residence_choice: { chosen: 2, letter_issued: 1 },
    new_thing: { strange: 1 },
  }
  it('has a row per entitlement in the claims’ order and a column per state present, in the workflow’s order', () => {
    const tbl = claimsTable(claims)
    expect(tbl.rows.map((r) => r.entitlement)).toEqual(['residence_choice', 'turnover_housing', 'new_thing'])
    expect(tbl.states).toEqual(['chosen', 'letter_issued', 'assigned', 'occupied', 'strange'])
    expect(tbl.rows[0].counts).toEqual([2, 1, 0, 0, 0])
    expect(tbl.rows[1].total).toBe(3)
    expect(tbl.totals).toEqual([2, 1, 1, 2, 1])
    expect(tbl.total).toBe(7)
  })
  it('is empty without claims', () => {
    expect(claimsTable({})).toEqual({ states: [], rows: [], totals: [], total: 0 })
  })
})

describe('chart options', () => {
  const list = [
    { key: 'A', label: 'Tier A', value: 2 },
    { key: 'B', label: 'Tier B', value: 1 },
  ]
  it('draws bars, vertical or horizontal', () => {
    const v = barOption(list, translator('en'), { name: 'By tier' }) as any
    expect(v.xAxis.data).toEqual(['Tier A', 'Tier B'])
    expect(v.series[0].data).toEqual([2, 1])
    const h = barOption(list, translator('en'), { name: 'By field', horizontal: true }) as any
    expect(h.yAxis.data).toEqual(['Tier A', 'Tier B'])
    expect(h.yAxis.inverse).toBe(true)
    expect(h.xAxis.type).toBe('value')
  })
  it('draws rings with named slices', () => {
    const o = pieOption(list, translator('en'), { name: 'By nationality' }) as any
    expect(o.series[0].type).toBe('pie')
    expect(o.series[0].data).toEqual([
      { name: 'Tier A', value: 2 },
      { name: 'Tier B', value: 1 },
    ])
  })
  it('draws the monthly cost by payer in yuan', () => {
    const o = payerCostOption({ monthly_fen_by_payer: { government: 100, employer: 956040 } }, translator('zh-CN'), (p) => p) as any
    expect(o.xAxis.data).toEqual(['employer', 'government'])
    expect(o.series[0].data).toEqual([9560.4, 1])
  })
})
