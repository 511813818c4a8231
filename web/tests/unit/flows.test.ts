// Talent flows and business leaves without a browser: the sectors as the server
// derives them (src/domain/talent_sectors.cpp), the summary's matrix as a table and as
// the Sankey chart, directions in and out of the system, sector names (the server's
// words, else the UI's), the forms' checks as src/service/talent_flows.cpp makes them
// (dates from 1950 and not in the future, the return window of three years, the GB
// 32100 credit code, one-line names and notes in bytes), and the bodies sent.
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import zh from '@/i18n/zh-CN'
import en from '@/i18n/en'
import type { FlowCell, SectorLabel, TalentFlow } from '@/api/types'
import type { Translator } from '@/lib/explain'
import {
  DIRECTIONS,
  DIRECTION_COLORS,
  LEAVE_ACTIONS,
  LEAVE_STATES,
  NO_EMPLOYER,
  SECTORS,
  addDays,
  checkBusinessName,
  checkCreditCode,
  checkEndOn,
  checkFromEmployer,
  checkLeftOn,
  checkMovedOn,
  checkNote,
  checkReturnBy,
  checkTalentId,
  checkToEmployer,
  creditCheckCharacter,
  daysBetween,
  daysToReturn,
  directionOf,
  flowInput,
  flowLinks,
  grantsBusinessLeave,
  insideSystem,
  latestReturn,
  leaveInput,
  leaveTagType,
  localDay,
  matrixTable,
  nodeName,
  normalizeCreditCode,
  onLeaveNow,
  sankeyOption,
  sectorLabel,
  sectorOf,
  sectorOfNode,
  sectorOrder,
  sideName,
  spokenMatrix,
  systemTotals,
  talentIdOf,
} from '@/lib/flows'

function translator(locale: 'zh-CN' | 'en'): Translator {
  const i18n = createI18n({ legacy: false, locale, messages: { 'zh-CN': zh, en } })
  return { t: (k, p) => i18n.global.t(k, p ?? {}), te: (k) => i18n.global.te(k), locale }
}

/** GET /flows/summary of the demo province. */
const SERVER_SECTORS: SectorLabel[] = [
  { code: 'party_government', zh: '党政机关', en: 'Party and government organs', inside_system: true },
  { code: 'public_institution', zh: '事业单位', en: 'Public institutions', inside_system: true },
  { code: 'state_enterprise', zh: '国有企业', en: 'State-owned enterprises', inside_system: true },
  { code: 'non_public_enterprise', zh: '非公企业', en: 'Non-public enterprises', inside_system: false },
  { code: 'social_organization', zh: '社会组织', en: 'Social organisations', inside_system: false },
  { code: 'none', zh: '省外或无单位', en: 'Outside the province or no employer', inside_system: false },
]
const DEMO_MATRIX: FlowCell[] = [
  { from: 'non_public_enterprise', to: 'non_public_enterprise', count: 1 },
  { from: 'non_public_enterprise', to: 'party_government', count: 1 },
  { from: 'none', to: 'public_institution', count: 1 },
  { from: 'state_enterprise', to: 'non_public_enterprise', count: 1 },
]

describe('sectors', () => {
  it("derive from an employer's kind and ownership as the server does", () => {
    expect(sectorOf('government', 'state')).toBe('party_government')
    for (const k of ['public_institution', 'university', 'research_institute', 'hospital']) expect(sectorOf(k, 'state')).toBe('public_institution')
    expect(sectorOf('social_organization', 'collective')).toBe('social_organization')
    expect(sectorOf('enterprise', 'state')).toBe('state_enterprise')
    for (const o of ['private', 'foreign', 'mixed', 'collective', '']) expect(sectorOf('enterprise', o)).toBe('non_public_enterprise')
    expect(sectorOf('', '')).toBe('none')
    expect(sectorOf('something_new', 'state')).toBe('none')
  })

  it('are inside the system for organs, institutions and state enterprises, as the summary marks them', () => {
    for (const s of SERVER_SECTORS) expect(insideSystem(s.code), s.code).toBe(s.inside_system)
    expect(SERVER_SECTORS.map((s) => s.code)).toEqual([...SECTORS])
  })

  it('grant business leaves for party and government organs and public institutions only', () => {
    const grants = ['government', 'public_institution', 'university', 'research_institute', 'hospital']
    for (const k of grants) expect(grantsBusinessLeave(k), k).toBe(true)
    for (const k of ['enterprise', 'social_organization', '']) expect(grantsBusinessLeave(k), k).toBe(false)
  })

  it("are named in the UI's language: the server's words first, then the UI's, then the code", () => {
    const zhTr = translator('zh-CN')
    const enTr = translator('en')
    expect(sectorLabel('none', zhTr, SERVER_SECTORS)).toBe('省外或无单位')
    expect(sectorLabel('none', enTr, SERVER_SECTORS)).toBe('Outside the province or no employer')
    // Without the summary (employers and talents): the UI's words, the same as the server's.
    for (const s of SERVER_SECTORS) {
      expect(sectorLabel(s.code, zhTr)).toBe(s.zh)
      expect(sectorLabel(s.code, enTr)).toBe(s.en)
    }
    expect(sectorLabel('space_agency', enTr)).toBe('space agency')
    expect(sectorLabel('party_government', enTr, [{ code: 'party_government', zh: '机关', en: '', inside_system: true }])).toBe('party_government')
  })
})

describe('the summary', () => {
  it('counts directions as the server does', () => {
    expect(directionOf('party_government', 'state_enterprise')).toBe('within')
    expect(directionOf('public_institution', 'none')).toBe('out_of')
    expect(directionOf('none', 'public_institution')).toBe('into')
    expect(directionOf('social_organization', 'non_public_enterprise')).toBe('outside')
    // The demo's summary: into 2, out of 1, within 0, outside 1.
    expect(systemTotals(DEMO_MATRIX)).toEqual({ into: 2, out_of: 1, within: 0, outside: 1 })
    expect(systemTotals([])).toEqual({ into: 0, out_of: 0, within: 0, outside: 0 })
  })

  it('orders sectors as the summary does, unknown ones after', () => {
    expect(sectorOrder(DEMO_MATRIX, SERVER_SECTORS)).toEqual([...SECTORS])
    expect(sectorOrder([{ from: 'zeta', to: 'alpha', count: 1 }])).toEqual([...SECTORS, 'alpha', 'zeta'])
  })

  it('keeps the pairs with flows, repeats added up, the largest first', () => {
    const links = flowLinks([
      { from: 'none', to: 'public_institution', count: 1 },
      { from: 'state_enterprise', to: 'non_public_enterprise', count: 2 },
      { from: 'none', to: 'public_institution', count: 2 },
      { from: 'party_government', to: 'none', count: 0 },
      { from: 'party_government', to: 'public_institution', count: 2 },
    ])
    expect(links).toEqual([
      { from: 'none', to: 'public_institution', count: 3 },
      { from: 'party_government', to: 'public_institution', count: 2 },
      { from: 'state_enterprise', to: 'non_public_enterprise', count: 2 },
    ])
  })

  it('makes a table: sectors left by sectors joined, those with flows only, with totals', () => {
    const t = matrixTable(DEMO_MATRIX, sectorOrder(DEMO_MATRIX, SERVER_SECTORS))
    expect(t.from).toEqual(['state_enterprise', 'non_public_enterprise', 'none'])
    expect(t.to).toEqual(['party_government', 'public_institution', 'non_public_enterprise'])
    expect(t.rows).toEqual([
      { sector: 'state_enterprise', counts: [0, 0, 1], total: 1 },
      { sector: 'non_public_enterprise', counts: [1, 0, 1], total: 2 },
      { sector: 'none', counts: [0, 1, 0], total: 1 },
    ])
    expect(t.totals).toEqual([1, 1, 2])
    expect(t.total).toBe(4)
    expect(matrixTable([])).toEqual({ from: [], to: [], rows: [], totals: [], total: 0 })
  })

  it('draws a Sankey chart: each side its own nodes in order, bands by count coloured by direction', () => {
    const tr = translator('en')
    const label = (s: string) => sectorLabel(s, tr, SERVER_SECTORS)
    const o = sankeyOption(DEMO_MATRIX, label, tr, sectorOrder(DEMO_MATRIX, SERVER_SECTORS))
    const series = o.series[0]
    expect(series.type).toBe('sankey')
    expect(series.layoutIterations).toBe(0)
    expect(series.data.map((n) => [n.name, n.depth])).toEqual([
      ['from:state_enterprise', 0],
      ['from:non_public_enterprise', 0],
      ['from:none', 0],
      ['to:party_government', 1],
      ['to:public_institution', 1],
      ['to:non_public_enterprise', 1],
    ])
    // A sector flowing to itself is two nodes: the chart has no cycle.
    const self = series.links.find((l) => l.source === 'from:non_public_enterprise' && l.target === 'to:non_public_enterprise')
    expect(self?.value).toBe(1)
    expect(series.links).toHaveLength(4)
    const into = series.links.find((l) => l.source === 'from:none')!
    expect(into.lineStyle.color).toBe(DIRECTION_COLORS.into)
    expect(series.links.find((l) => l.source === 'from:state_enterprise')!.lineStyle.color).toBe(DIRECTION_COLORS.out_of)
    expect(series.label.formatter({ name: 'to:non_public_enterprise', value: 2 })).toBe('Non-public enterprises 2')
    expect(o.tooltip.formatter({ dataType: 'edge', value: 1, data: { source: 'from:none', target: 'to:public_institution' } })).toBe(
      'Outside the province or no employer → Public institutions: 1',
    )
    expect(o.tooltip.formatter({ dataType: 'node', name: 'from:state_enterprise', value: 1234 })).toBe('State-owned enterprises: 1,234')
    expect(nodeName('from', 'none')).toBe('from:none')
    expect(sectorOfNode('to:party_government')).toBe('party_government')
  })

  it('says the flows in words for screen readers', () => {
    const zhTr = translator('zh-CN')
    const enTr = translator('en')
    expect(spokenMatrix(DEMO_MATRIX.slice(1, 3), (s) => sectorLabel(s, zhTr), 'zh-CN')).toBe('非公企业 → 党政机关 1，省外或无单位 → 事业单位 1')
    expect(spokenMatrix([{ from: 'none', to: 'public_institution', count: 1200 }], (s) => sectorLabel(s, enTr), 'en')).toBe(
      'Outside the province or no employer → Public institutions 1,200',
    )
    expect(spokenMatrix([], (s) => s, 'en')).toBe('')
  })
})

describe('dates', () => {
  const today = '2026-11-29'

  it('count days across months, years and leap days', () => {
    expect(addDays('2026-11-29', 366)).toBe('2027-11-30')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(daysBetween('2026-11-29', '2026-05-08')).toBe(-205)
    expect(daysBetween('2026-11-29', '2029-05-12')).toBe(895)
    expect(daysToReturn({ return_by: '2026-11-30' }, today)).toBe(1)
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05')
  })

  it('refuse a move that is not a real day, before 1950 or in the future', () => {
    expect(checkMovedOn('', today)).toEqual({ key: 'required' })
    expect(checkMovedOn(null, today)).toEqual({ key: 'required' })
    expect(checkMovedOn('2026-02-30', today)).toEqual({ key: 'date' })
    expect(checkMovedOn('2026/11/01', today)).toEqual({ key: 'date' })
    expect(checkMovedOn('1949-12-31', today)).toEqual({ key: 'dateBefore', params: { min: '1950-01-01' } })
    expect(checkMovedOn('1950-01-01', today)).toBeNull()
    expect(checkMovedOn(today, today)).toBeNull()
    expect(checkMovedOn('2026-11-30', today)).toEqual({ key: 'dateFuture' })
  })

  it('let a leave begin up to 366 days ahead', () => {
    expect(checkLeftOn('2027-11-30', today)).toBeNull()
    expect(checkLeftOn('2027-12-01', today)).toEqual({ key: 'dateAfter', params: { max: '2027-11-30' } })
    expect(checkLeftOn('2020-01-01', today)).toBeNull()
  })

  it('keep the return date after the leave and within three years of it', () => {
    expect(latestReturn('2026-11-29')).toBe('2029-11-29')
    expect(latestReturn('2024-02-29')).toBe('2027-02-28') // as the server's AddYears
    expect(latestReturn('2023-02-28')).toBe('2026-02-28')
    expect(latestReturn('nonsense')).toBe('')
    expect(checkReturnBy('', '2026-11-29')).toEqual({ key: 'required' })
    expect(checkReturnBy('2026-11-29', '2026-11-29')).toEqual({ key: 'returnAfterLeft', params: { date: '2026-11-29' } })
    expect(checkReturnBy('2026-11-28', '2026-11-29')).toEqual({ key: 'returnAfterLeft', params: { date: '2026-11-29' } })
    expect(checkReturnBy('2026-11-30', '2026-11-29')).toBeNull()
    expect(checkReturnBy('2029-11-29', '2026-11-29')).toBeNull()
    expect(checkReturnBy('2029-11-30', '2026-11-29')).toEqual({ key: 'returnWindow', params: { years: 3, max: '2029-11-29' } })
    expect(checkReturnBy('2027-02-28', '2024-02-29')).toBeNull()
    expect(checkReturnBy('2027-03-01', '2024-02-29')).toEqual({ key: 'returnWindow', params: { years: 3, max: '2027-02-28' } })
    // The first day is refused at its own field.
    expect(checkReturnBy('2027-01-01', '')).toBeNull()
  })

  it('end a leave not before it began nor in the future', () => {
    expect(checkEndOn('2026-05-12', '2026-05-13', today)).toEqual({ key: 'endBeforeLeft', params: { date: '2026-05-13' } })
    expect(checkEndOn('2026-05-13', '2026-05-13', today)).toBeNull()
    expect(checkEndOn('2026-11-30', '2026-05-13', today)).toEqual({ key: 'dateFuture' })
    expect(checkEndOn('', '2026-05-13', today)).toEqual({ key: 'required' })
  })
})

describe('the unified social credit code (GB 32100)', () => {
  it("accepts the demo's codes and computes their check characters", () => {
    for (const code of ['91141000MA3000000W', '91141000MA30000010', '91141000MA30000023', '11140100MA0001009E', '91140100MA0001000A']) {
      expect(checkCreditCode(code), code).toBeNull()
      expect(creditCheckCharacter(code.slice(0, 17))).toBe(code[17])
    }
  })

  it('says what is wrong, as the server does', () => {
    expect(checkCreditCode('')).toEqual({ key: 'required' })
    expect(checkCreditCode('91141000MA3000000')).toEqual({ key: 'creditCode.length', params: { length: 17 } })
    expect(checkCreditCode('91141000MA3000000X')).toEqual({ key: 'creditCode.check', params: { expected: 'W', actual: 'X' } })
    expect(checkCreditCode('91141000IA3000000W')).toEqual({ key: 'creditCode.char', params: { position: 9, char: 'I' } })
    expect(checkCreditCode('91141000MA300000中W')).toEqual({ key: 'creditCode.char', params: { position: 17, char: '中' } })
  })

  it('takes small letters and spaces as typed', () => {
    expect(normalizeCreditCode(' 9114 1000 ma30 0000 0w ')).toBe('91141000MA3000000W')
    expect(checkCreditCode('91141000ma3000000w')).toBeNull()
  })
})

describe('text', () => {
  it('keeps the business name on one line of at most 200 bytes', () => {
    expect(checkBusinessName('  ')).toEqual({ key: 'required' })
    expect(checkBusinessName('吕梁晋创数字科技有限公司')).toBeNull()
    expect(checkBusinessName('一\n二')).toEqual({ key: 'oneLine' })
    expect(checkBusinessName('a\u0007b')).toEqual({ key: 'oneLine' })
    expect(checkBusinessName('数'.repeat(66) + 'ab')).toBeNull() // 200 bytes
    expect(checkBusinessName('数'.repeat(67))).toEqual({ key: 'bytes', params: { max: 200 } })
  })

  it('lets a note have lines, not control characters, at most 2,000 bytes', () => {
    expect(checkNote('')).toBeNull()
    expect(checkNote('第一行\n第二行\r\n\t缩进')).toBeNull()
    expect(checkNote('a\u0000')).toEqual({ key: 'controlCharacters' })
    expect(checkNote('a\uffff')).toEqual({ key: 'controlCharacters' })
    expect(checkNote('x'.repeat(2000))).toBeNull()
    expect(checkNote('数'.repeat(667))).toEqual({ key: 'bytes', params: { max: 2000 } })
  })
})

describe('the flow form', () => {
  it("reads a talent's number typed or chosen", () => {
    expect(talentIdOf(21)).toBe(21)
    expect(talentIdOf(' 21 ')).toBe(21)
    expect(talentIdOf('#21')).toBe(21)
    expect(talentIdOf('0')).toBeNull()
    expect(talentIdOf('2.5')).toBeNull()
    expect(talentIdOf('Ren Ping')).toBeNull()
    expect(checkTalentId('')).toEqual({ key: 'required' })
    expect(checkTalentId('abc')).toEqual({ key: 'talentId' })
    expect(checkTalentId('21')).toBeNull()
  })

  it('needs two different employers (none counts as one), one of them its own for an employer', () => {
    expect(checkFromEmployer(null)).toEqual({ key: 'required' })
    expect(checkFromEmployer(NO_EMPLOYER)).toBeNull()
    expect(checkToEmployer(null, 1)).toEqual({ key: 'required' })
    expect(checkToEmployer(1, 1)).toEqual({ key: 'sameEmployer' })
    expect(checkToEmployer(NO_EMPLOYER, NO_EMPLOYER)).toEqual({ key: 'sameEmployer' })
    expect(checkToEmployer(NO_EMPLOYER, 3)).toBeNull()
    expect(checkToEmployer(10, NO_EMPLOYER)).toBeNull()
    expect(checkToEmployer(2, 1, 10)).toEqual({ key: 'ownEmployer' })
    expect(checkToEmployer(10, 1, 10)).toBeNull()
    expect(checkToEmployer(NO_EMPLOYER, 10, 10)).toBeNull()
  })

  it('sends none as null and leaves an empty note out', () => {
    expect(flowInput({ talent: '21', from: NO_EMPLOYER, to: 10, engagement: 'consultant', moved_on: '2026-11-01', note: '  ' })).toEqual({
      talent_id: 21,
      from_employer_id: null,
      to_employer_id: 10,
      engagement: 'consultant',
      moved_on: '2026-11-01',
    })
    expect(flowInput({ talent: 4, from: 3, to: NO_EMPLOYER, engagement: '', moved_on: '2026-11-01', note: ' 调往省外 ' })).toEqual({
      talent_id: 4,
      from_employer_id: 3,
      to_employer_id: null,
      engagement: 'full_time',
      moved_on: '2026-11-01',
      note: '调往省外',
    })
  })
})

describe('the leave form and list', () => {
  it('sends the code as the server keeps it, and the employer only for the office', () => {
    const d = { talent: 10, business_name: ' 吕梁晋创 ', business_credit_code: '91141000ma3000000w', left_on: '2026-11-01', return_by: '2029-11-01', note: '' }
    expect(leaveInput(d)).toEqual({ talent_id: 10, business_name: '吕梁晋创', business_credit_code: '91141000MA3000000W', left_on: '2026-11-01', return_by: '2029-11-01' })
    expect(leaveInput({ ...d, note: '创业' }, 10)).toMatchObject({ employer_id: 10, note: '创业' })
  })

  it('colours leaves by state, overdue ones red, and knows who is on leave', () => {
    expect(leaveTagType({ state: 'on_leave', overdue: false })).toBe('warning')
    expect(leaveTagType({ state: 'on_leave', overdue: true })).toBe('danger')
    expect(leaveTagType({ state: 'returned', overdue: false })).toBe('success')
    expect(leaveTagType({ state: 'stayed', overdue: false })).toBe('info')
    expect([...onLeaveNow([{ talent_id: 10, state: 'on_leave' }, { talent_id: 8, state: 'returned' }, { talent_id: 20, state: 'on_leave' }])]).toEqual([10, 20])
  })

  it("names a flow's side by its employer, or by its sector when there is none", () => {
    const f = { from_employer_name: '', from_sector: 'none', to_employer_name: '山西省先进材料研究院', to_sector: 'public_institution' } as TalentFlow
    const word = (s: string) => sectorLabel(s, translator('zh-CN'))
    expect(sideName(f, 'from', word)).toBe('省外或无单位')
    expect(sideName(f, 'to', word)).toBe('山西省先进材料研究院')
    // Stayed with the business: no employer joined, a non-public enterprise's sector.
    expect(sideName({ ...f, to_employer_name: '', to_sector: 'non_public_enterprise' }, 'to', word)).toBe('非公企业')
  })
})

describe('words', () => {
  it('every sector, direction, leave state and action, and every check has words in both languages', () => {
    for (const tr of [translator('zh-CN'), translator('en')]) {
      const need = [
        ...SECTORS.map((s) => `sectors.${s}`),
        ...LEAVE_STATES.map((s) => `leaves.states.${s}`),
        ...LEAVE_ACTIONS.map((a) => `leaves.actions.${a}`),
        'flows.into',
        'flows.outOf',
        'flows.within',
        'flows.outside',
        ...['dateBefore', 'dateAfter', 'dateFuture', 'returnAfterLeft', 'returnWindow', 'endBeforeLeft', 'oneLine', 'controlCharacters', 'talentId', 'sameEmployer', 'ownEmployer'].map(
          (k) => `validation.${k}`,
        ),
        ...['length', 'char', 'check'].map((k) => `validation.creditCode.${k}`),
      ]
      expect(need.filter((k) => !tr.te(k))).toEqual([])
      expect(DIRECTIONS).toHaveLength(4)
    }
    expect(translator('en').t('validation.creditCode.check', { expected: 'W', actual: 'X' })).toBe('The check character should be W, not X: please check the code')
    expect(translator('zh-CN').t('validation.returnWindow', { years: 3, max: '2029-11-29' })).toBe('离岗创业期最长 3 年：最迟返岗日期不能晚于 2029-11-29')
  })
})
