// Entitlement claims in the browser: money in fen as yuan, months, the school
// ranking's reordering, flats and their areas, what a card grants matched with its
// claims (children numbered from 0 by the engine, from 1 by claims), letter numbers,
// placement summaries, and words for every code the claim pages show.
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import zh from '@/i18n/zh-CN'
import en from '@/i18n/en'
import type { Claim, Entitlement, Flat, PlacementRun } from '@/api/types'
import {
  CLAIM_ACTIONS,
  CLAIM_ENTITLEMENTS,
  CLAIM_STATES,
  LETTER_KINDS,
  LETTER_STATUSES,
  MAX_RANKED,
  SCHOOL_CRITERIA,
  SCHOOL_STAGES,
  addRanked,
  checkMonth,
  checkRanking,
  claimKind,
  claimOf,
  claimStateType,
  dayOf,
  flatStatus,
  formatFen,
  freeFlats,
  grantables,
  hasLetter,
  isArea,
  isDate,
  isFinalState,
  isMonth,
  letterStatusType,
  looksLikeLetterNumber,
  monthOf,
  moveItem,
  normalizeLetterNumber,
  claimNoteText,
  offeredActions,
  placeText,
  placedChoice,
  placementSummary,
  removeRanked,
  sumFen,
} from '@/lib/claims'

describe('money in fen', () => {
  it('shows yuan with two decimals and grouping, exactly', () => {
    expect(formatFen(771000)).toBe('7,710.00')
    expect(formatFen(185040)).toBe('1,850.40')
    expect(formatFen(5)).toBe('0.05')
    expect(formatFen(0)).toBe('0.00')
    expect(formatFen(99)).toBe('0.99')
    expect(formatFen(100)).toBe('1.00')
    expect(formatFen(123456789012)).toBe('1,234,567,890.12')
    expect(formatFen(-5)).toBe('-0.05')
    expect(formatFen(-771001)).toBe('-7,710.01')
    expect(formatFen(771000, 'en')).toBe('7,710.00')
  })
  it('never shows a binary fraction (0.1 + 0.2)', () => {
    // 30 fen is 0.30 however it was added up.
    expect(formatFen(10 + 20)).toBe('0.30')
    expect(formatFen(sumFen([{ amount_fen: 10 }, { amount_fen: 20 }]))).toBe('0.30')
    expect(formatFen(sumFen([{ amount_fen: 771000 }, { amount_fen: 185040 }]))).toBe('9,560.40')
  })
  it('shows nothing for no amount', () => {
    expect(formatFen(null)).toBe('')
    expect(formatFen(undefined)).toBe('')
    expect(formatFen(Number.NaN)).toBe('')
  })
})

describe('months', () => {
  it('accepts YYYY-MM months only', () => {
    for (const m of ['2026-01', '2026-12', '1900-06', '9999-12']) expect(isMonth(m), m).toBe(true)
    for (const m of ['2026-13', '2026-00', '2026-1', '26-01', '2026/01', '2026-01-01', '', ' 2026-01', '1899-12', 202601, null])
      expect(isMonth(m), String(m)).toBe(false)
  })
  it('checks a month against the claim and today', () => {
    expect(checkMonth('2026-11')).toBeNull()
    expect(checkMonth('2026-13')).toBe('month')
    expect(checkMonth('2026-12', { latest: '2026-11' })).toBe('monthFuture')
    expect(checkMonth('2026-11', { latest: '2026-11' })).toBeNull()
    expect(checkMonth('2026-10', { earliest: '2026-11-29' })).toBe('monthBeforeClaim')
    expect(checkMonth('2026-11', { earliest: '2026-11-29' })).toBeNull()
  })
  it("takes today's month and day in China's time zone (UTC+8)", () => {
    expect(dayOf(new Date('2026-11-28T15:59:59Z'))).toBe('2026-11-28')
    expect(dayOf(new Date('2026-11-28T16:00:00Z'))).toBe('2026-11-29')
    expect(monthOf(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12')
    expect(monthOf(new Date('2026-12-31T15:00:00Z'))).toBe('2026-12')
    expect(monthOf(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01')
  })
})

describe('school ranking', () => {
  it('moves a school up and down, not past the ends', () => {
    const list = [10, 20, 30, 40]
    expect(moveItem(list, 2, -1)).toEqual([10, 30, 20, 40])
    expect(moveItem(list, 0, 1)).toEqual([20, 10, 30, 40])
    expect(moveItem(list, 3, -3)).toEqual([40, 10, 20, 30])
    expect(moveItem(list, 0, -1)).toEqual(list)
    expect(moveItem(list, 3, 1)).toEqual(list)
    expect(moveItem(list, 1, 10)).toEqual([10, 30, 40, 20])
    expect(moveItem(list, 7, -1)).toEqual(list)
    expect(list).toEqual([10, 20, 30, 40]) // the original is left alone
  })
  it('adds a school once, up to ten, and removes it', () => {
    expect(addRanked([1, 2], 3)).toEqual([1, 2, 3])
    expect(addRanked([1, 2], 2)).toEqual([1, 2])
    const full = Array.from({ length: MAX_RANKED }, (_, i) => i + 1)
    expect(addRanked(full, 99)).toEqual(full)
    expect(removeRanked([1, 2, 3], 2)).toEqual([1, 3])
    expect(removeRanked([1, 2, 3], 9)).toEqual([1, 2, 3])
  })
  it('refuses what the server refuses: none, more than ten, twice', () => {
    expect(checkRanking([])).toBe('rankingEmpty')
    expect(checkRanking([1])).toBeNull()
    expect(checkRanking(Array.from({ length: 10 }, (_, i) => i))).toBeNull()
    expect(checkRanking(Array.from({ length: 11 }, (_, i) => i))).toBe('rankingTooMany')
    expect(checkRanking([1, 2, 1])).toBe('duplicate')
  })
})

describe('flats', () => {
  it('takes areas as the server does ("86.5": positive, at most 2 decimals, under 10000)', () => {
    for (const a of ['86', '86.5', '86.55', '0.5', '9999.99', '1']) expect(isArea(a), a).toBe(true)
    for (const a of ['', '0', '0.0', '00', '86.', '.5', '86.555', '10000', '-5', '86,5', '8 6', '1e2', 'abc']) expect(isArea(a), a).toBe(false)
  })
  it('takes real dates only', () => {
    expect(isDate('2026-02-28')).toBe(true)
    expect(isDate('2028-02-29')).toBe(true)
    expect(isDate('2026-02-29')).toBe(false)
    expect(isDate('2026-2-1')).toBe(false)
    expect(isDate(null)).toBe(false)
  })
  const flat = (id: number, over: Partial<Flat> = {}): Flat => ({
    id,
    employer_id: 1,
    address: `Flat ${id}`,
    area_m2: '80',
    rooms: 2,
    available_from: '2026-01-01',
    available_to: '2030-01-01',
    retired: false,
    claim_id: null,
    ...over,
  })
  it('offers only free flats still available', () => {
    const flats = [flat(1), flat(2, { retired: true }), flat(3, { claim_id: 9 }), flat(4, { available_to: '2026-11-28' }), flat(5, { available_to: '2026-11-29' })]
    expect(freeFlats(flats, '2026-11-29').map((f) => f.id)).toEqual([1, 5])
    expect(flats.map((f) => flatStatus(f, '2026-11-29'))).toEqual(['free', 'retired', 'held', 'ended', 'free'])
  })
})

describe('what a card grants, and its claims', () => {
  const ents: Entitlement[] = [
    { id: 'turnover_housing', payer: 'employer' },
    { id: 'school_choice', child: 1 },
    { id: 'residence_choice', payer: 'government' },
    { id: 'school_choice', child: 0 },
    { id: 'something_new' },
    { id: 'spouse_allowance', monthly_cny: 7710 },
    { id: 'school_choice' }, // no child: nothing to claim
  ]
  it('lists the claimable ones in the claims’ order, children numbered from 1', () => {
    const g = grantables(ents)
    expect(g.map((x) => x.key)).toEqual(['residence_choice', 'turnover_housing', 'school_choice#1', 'school_choice#2', 'spouse_allowance'])
    expect(g.find((x) => x.key === 'school_choice#1')!.child).toBe(1)
    expect(g.find((x) => x.key === 'school_choice#1')!.granted.child).toBe(0)
    expect(grantables(undefined)).toEqual([])
  })
  it('finds the claim opened for each', () => {
    const claim = (id: number, entitlement: string, child: number | null) => ({ id, entitlement, child }) as Claim
    const claims = [claim(7, 'school_choice', 2), claim(3, 'residence_choice', null)]
    const g = grantables(ents)
    expect(claimOf(g.find((x) => x.key === 'school_choice#2')!, claims)?.id).toBe(7)
    expect(claimOf(g.find((x) => x.key === 'school_choice#1')!, claims)).toBeUndefined()
    expect(claimOf(g.find((x) => x.key === 'residence_choice')!, claims)?.id).toBe(3)
  })
  it('knows each entitlement’s kind and which carry a letter', () => {
    expect(claimKind('residence_choice')).toBe('residence')
    expect(claimKind('spouse_social_insurance')).toBe('allowance')
    expect(claimKind('nope')).toBeNull()
    expect(CLAIM_ENTITLEMENTS.filter((e) => hasLetter(e.id)).map((e) => e.id)).toEqual([
      'residence_choice',
      'residence_permit_5y',
      'permanent_residence_priority',
    ])
  })
  it('offers the actions the server lists, without close (the system’s)', () => {
    expect(offeredActions(['close'])).toEqual([])
    expect(offeredActions(['occupy', 'release', 'withdraw'])).toEqual(['occupy', 'release', 'withdraw'])
    expect(offeredActions(undefined)).toEqual([])
  })
  it('colours states and knows the final ones', () => {
    expect(claimStateType('letter_issued')).toBe('success')
    expect(claimStateType('unplaced')).toBe('warning')
    expect(claimStateType('withdrawn')).toBe('info')
    expect(claimStateType('open')).toBe('primary')
    expect(['letter_issued', 'released', 'withdrawn', 'closed'].every(isFinalState)).toBe(true)
    expect(isFinalState('occupied')).toBe(false)
  })
  it('reads the choice a child was placed at', () => {
    const c = (state: string, choice?: number) => ({ state, detail: choice ? { placement: { run: 1, choice, not_given: [] } } : {} }) as unknown as Claim
    expect(placedChoice(c('placed', 2))).toBe(2)
    expect(placedChoice(c('unplaced', 0))).toBeNull()
    expect(placedChoice(c('ranked'))).toBeNull()
  })
})

describe('letter numbers', () => {
  it('forgives spaces, small letters, missing dashes and look-alike letters', () => {
    const n = 'JL-7K3M-Q9XD-2HCW-TR5B'
    expect(normalizeLetterNumber(n)).toBe(n)
    expect(normalizeLetterNumber('  jl-7k3m-q9xd-2hcw-tr5b \n')).toBe(n)
    expect(normalizeLetterNumber('JL7K3MQ9XD2HCWTR5B')).toBe(n)
    expect(normalizeLetterNumber('JL 7K3M Q9XD 2HCW TR5B')).toBe(n)
    expect(normalizeLetterNumber('JL–7K3M—Q9XD－2HCW_TR5B')).toBe(n)
    // I and L read as 1, O as 0 (Crockford's Base32 has none of them).
    expect(normalizeLetterNumber('JL-IL00-OOOO-0000-0000')).toBe('JL-1100-0000-0000-0000')
    expect(looksLikeLetterNumber(normalizeLetterNumber('jl7k3mq9xd2hcwtr5b'))).toBe(true)
  })
  it('leaves what is not a letter number as typed, in capitals', () => {
    expect(normalizeLetterNumber('JL-ABC')).toBe('JL-ABC')
    expect(normalizeLetterNumber('hello')).toBe('HELLO')
    expect(normalizeLetterNumber('JL-UUUU-0000-0000-0000')).toBe('JL-UUUU-0000-0000-0000') // U is not Base32
    expect(looksLikeLetterNumber('JL-ABC')).toBe(false)
    expect(looksLikeLetterNumber('JL-UUUU-0000-0000-0000')).toBe(false)
    expect(normalizeLetterNumber('')).toBe('')
  })
  it('colours a letter’s status', () => {
    expect(letterStatusType('valid')).toBe('success')
    expect(letterStatusType('expired')).toBe('warning')
    expect(letterStatusType('withdrawn')).toBe('danger')
    expect(letterStatusType('anything')).toBe('danger')
  })
})

describe('placement summaries', () => {
  const base = { id: 3, run_at: '2026-11-28T22:00:00Z', run_by: 'user:2', inputs_digest: 'ab', children: 5, placed: 4 }
  it('reads a run (POST /placements and GET /placements/latest alike)', () => {
    const run: PlacementRun = { ...base, unplaced: 1, changed: 2, by_choice: [3, 1, 0, 0, 0, 0, 0, 0, 0, 0] }
    expect(placementSummary(run)).toEqual({ unplaced: 1, changed: 2, by_choice: [3, 1, 0, 0, 0, 0, 0, 0, 0, 0] })
  })
  it('pads to ten choices', () => {
    const run: PlacementRun = { ...base, unplaced: 1, changed: 0, by_choice: [4] }
    expect(placementSummary(run)).toEqual({ unplaced: 1, changed: 0, by_choice: [4, 0, 0, 0, 0, 0, 0, 0, 0, 0] })
  })
  it('works out the unplaced from the counts when nothing else says', () => {
    expect(placementSummary(base).unplaced).toBe(1)
  })
})

describe('timeline notes in words', () => {
  const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zh, en } })
  const words = (locale: 'zh-CN' | 'en') => {
    i18n.global.locale.value = locale
    const cities: Record<string, string> = locale === 'en' ? { taiyuan: 'Taiyuan' } : { taiyuan: '太原市' }
    return { city: (c: string) => cities[c] ?? null, t: (k: string, p?: Record<string, unknown>) => i18n.global.t(k, p ?? {}), locale }
  }
  it('names the city chosen, with its county', () => {
    expect(claimNoteText('choose', 'taiyuan', words('zh-CN'))).toBe('太原市')
    expect(claimNoteText('choose', 'taiyuan 小店区', words('zh-CN'))).toBe('太原市小店区')
    expect(claimNoteText('choose', 'taiyuan Xiaodian', words('en'))).toBe('Taiyuan, Xiaodian')
    expect(claimNoteText('choose', 'somewhere else', words('en'))).toBe('somewhere else') // a note a person typed
  })
  it('says the school and the choice of a placement, or none', () => {
    expect(claimNoteText('place', '太原市实验小学 #2', words('zh-CN'))).toBe('太原市实验小学（第 2 志愿）')
    expect(claimNoteText('place', 'Taiyuan Primary #1', words('en'))).toBe('Taiyuan Primary (choice 1)')
    expect(claimNoteText('place', '-', words('zh-CN'))).toBe('未安置')
  })
  it('keeps letter numbers and months; hides "-" and nothing', () => {
    expect(claimNoteText('issue_letter', 'JL-3BDM-EKP7-ATJ4-135Y', words('zh-CN'))).toBe('JL-3BDM-EKP7-ATJ4-135Y')
    expect(claimNoteText('spouse_employed', '2026-03', words('en'))).toBe('2026-03')
    expect(claimNoteText('assign', '-', words('en'))).toBeNull()
    expect(claimNoteText('open', null, words('en'))).toBeNull()
    expect(claimNoteText('open', '  ', words('en'))).toBeNull()
  })
  it('translates the English the server writes when a card ends', () => {
    expect(claimNoteText('close', 'card_expired', words('zh-CN'))).toBe('绿卡已到期')
    expect(claimNoteText('close', 'card_revoked: 提供虚假材料', words('zh-CN'))).toBe('绿卡已撤销：提供虚假材料')
    expect(claimNoteText('close', 'card_revoked: ', words('en'))).toBe('the card was revoked')
  })
  it('writes a place of residence in each language', () => {
    expect(placeText('太原市', '小店区', 'zh-CN')).toBe('太原市小店区')
    expect(placeText('Taiyuan', 'Xiaodian', 'en')).toBe('Taiyuan, Xiaodian')
    expect(placeText('Taiyuan', '', 'en')).toBe('Taiyuan')
  })
})

describe('words for every claim code, in both languages', () => {
  type Tree = { [k: string]: string | Tree }
  const has = (tree: Tree, key: string) =>
    key.split('.').reduce<string | Tree | undefined>((t, k) => (t && typeof t === 'object' ? t[k] : undefined), tree) !== undefined
  const keys = [
    ...CLAIM_STATES.map((s) => `claimStates.${s}`),
    ...CLAIM_ACTIONS.map((a) => `claimActions.${a}`),
    ...CLAIM_ENTITLEMENTS.map((e) => `entitlements.${e.id}`),
    ...CLAIM_ENTITLEMENTS.map((e) => `claims.responsible.${e.responsible}`),
    ...LETTER_KINDS.map((k) => `claim.letter.kinds.${k}`),
    ...LETTER_STATUSES.map((s) => `claim.letter.statuses.${s}`),
    ...LETTER_STATUSES.map((s) => `letterCheck.verdicts.${s}`),
    ...LETTER_STATUSES.map((s) => `letterCheck.advice.${s}`),
    ...SCHOOL_STAGES.map((s) => `schools.stages.${s}`),
    ...SCHOOL_CRITERIA.map((c) => `schools.criteria.${c}`),
    ...['paid', 'due', 'missed'].map((s) => `claim.allowance.statuses.${s}`),
    ...['free', 'held', 'retired', 'ended'].map((s) => `housing.statuses.${s}`),
    ...['month', 'monthFuture', 'monthBeforeClaim', 'rankingEmpty', 'rankingTooMany', 'duplicate', 'area', 'dateOrder'].map((k) => `validation.${k}`),
  ]
  it('has them all', () => {
    expect(keys.filter((k) => !has(zh as Tree, k))).toEqual([])
    expect(keys.filter((k) => !has(en as unknown as Tree, k))).toEqual([])
  })
})
