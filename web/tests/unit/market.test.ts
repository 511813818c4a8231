// The recruitment market without a browser: the pipeline's actions per stage and side
// (as src/domain/hiring_pipeline.cpp), stage counts, pay ranges in words, the search's
// filters as the API's query, the page's address and the feed's link, tags as the
// server keeps and compares them, the forms' checks (bytes, as the server counts), the
// profile drawn from the dossier mapped onto the lists, and the words of a match.
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import zh from '@/i18n/zh-CN'
import en from '@/i18n/en'
import type { Labelled, MarketProfile, Position, PositionApplication } from '@/api/types'
import {
  CRITERIA,
  ENGAGEMENTS,
  HIRING_STAGES,
  HIRING_STEPS,
  MAX_PAY_CNY,
  actionsFor,
  applicationTo,
  applicationsTotal,
  checkCode,
  checkDescription,
  checkOptionalText,
  checkPay,
  checkPayMax,
  checkPositionTitle,
  checkReason,
  checkTags,
  cleanTags,
  collapseSpaces,
  emptyFilters,
  emptyPositionDraft,
  feedHref,
  fieldCodeOf,
  filtersFromRoute,
  filtersToRoute,
  formatCny,
  formatPayRange,
  hasFilters,
  isFinalStage,
  normalizeSearch,
  normalizeTag,
  positionDraft,
  positionInput,
  positionQuery,
  profileDraft,
  profileInput,
  reasonText,
  scoreType,
  stageCounts,
  stageTagType,
  stepOf,
} from '@/lib/market'

describe('the pipeline', () => {
  // The server's table (src/domain/hiring_pipeline.cpp), written out once more by hand.
  const employer: Record<string, string[]> = {
    applied: ['shortlist', 'interview', 'offer', 'decline'],
    shortlisted: ['interview', 'offer', 'decline'],
    interview: ['offer', 'decline'],
    offered: ['decline'],
    hired: [],
    declined: [],
    withdrawn: [],
  }
  const talent: Record<string, string[]> = {
    applied: ['withdraw'],
    shortlisted: ['withdraw'],
    interview: ['withdraw'],
    offered: ['accept', 'withdraw'],
    hired: [],
    declined: [],
    withdrawn: [],
  }

  it('allows each side the actions of the server, per stage', () => {
    for (const s of HIRING_STAGES) {
      expect(actionsFor(s, 'employer'), `employer at ${s}`).toEqual(employer[s])
      expect(actionsFor(s, 'talent'), `talent at ${s}`).toEqual(talent[s])
    }
    expect(actionsFor('nonsense', 'employer')).toEqual([])
  })

  it('leads each action to its stage; only decline needs a reason', () => {
    expect(Object.fromEntries(HIRING_STEPS.map((s) => [s.action, s.to]))).toEqual({
      shortlist: 'shortlisted',
      interview: 'interview',
      offer: 'offered',
      decline: 'declined',
      accept: 'hired',
      withdraw: 'withdrawn',
    })
    expect(HIRING_STEPS.filter((s) => s.needsReason).map((s) => s.action)).toEqual(['decline'])
    expect(stepOf('accept')?.side).toBe('talent')
    expect(stepOf('offer')?.side).toBe('employer')
    expect(stepOf('promote')).toBeUndefined()
  })

  it('never goes back, and the final stages allow nothing', () => {
    const order = HIRING_STAGES.slice(0, 5)
    for (const step of HIRING_STEPS) {
      if (order.includes(step.to)) for (const from of step.from) expect(order.indexOf(step.to), `${step.action} from ${from}`).toBeGreaterThan(order.indexOf(from))
    }
    for (const s of HIRING_STAGES) expect(isFinalStage(s)).toBe(['hired', 'declined', 'withdrawn'].includes(s))
  })

  it('colours the stages, and counts them in the pipeline order', () => {
    expect(stageTagType('hired')).toBe('success')
    expect(stageTagType('declined')).toBe('danger')
    expect(stageTagType('withdrawn')).toBe('info')
    expect(stageTagType('offered')).toBe('warning')
    expect(stageTagType('applied')).toBe('primary')
    expect(stageCounts({ hired: 1, applied: 2, withdrawn: 0, shortlisted: 3 })).toEqual([
      { stage: 'applied', count: 2 },
      { stage: 'shortlisted', count: 3 },
      { stage: 'hired', count: 1 },
    ])
    expect(stageCounts(undefined)).toEqual([])
    expect(applicationsTotal({ applied: 2, hired: 1 })).toBe(3)
    expect(applicationsTotal(undefined)).toBe(0)
  })

  it("finds the talent's application to a position", () => {
    const apps = [{ id: 7, position_id: 3 }, { id: 5, position_id: 1 }] as PositionApplication[]
    expect(applicationTo(1, apps)?.id).toBe(5)
    expect(applicationTo(2, apps)).toBeUndefined()
  })
})

describe('pay', () => {
  it('groups the figures in both languages', () => {
    expect(formatCny(25000, 'zh-CN')).toBe('25,000')
    expect(formatCny(1234567, 'en')).toBe('1,234,567')
  })

  it('gives a range, one figure when both ends are the same, nothing when nothing is paid', () => {
    expect(formatPayRange(25000, 45000, 'zh-CN')).toBe('25,000–45,000')
    expect(formatPayRange(30000, 30000, 'en')).toBe('30,000')
    expect(formatPayRange(0, 8000, 'en')).toBe('0–8,000')
    expect(formatPayRange(0, 0, 'zh-CN')).toBeNull()
  })

  it('is said in words in both languages', () => {
    const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zh, en } })
    const range = formatPayRange(25000, 45000, 'zh-CN')
    expect(i18n.global.t('market.payRange', { range })).toBe('25,000–45,000 元/月')
    i18n.global.locale.value = 'en'
    expect(i18n.global.t('market.payRange', { range })).toBe('CNY 25,000–45,000 a month')
  })
})

describe('the search', () => {
  it('sends only the filters given, the words trimmed and spaces made one', () => {
    expect(positionQuery(emptyFilters())).toEqual({})
    expect(positionQuery({ q: '  工程\u3000 battery  ', engagement: 'full_time', field: 'new_materials', city: 'taiyuan', payAtLeast: 20000 })).toEqual({
      q: '工程 battery',
      engagement: 'full_time',
      field: 'new_materials',
      city: 'taiyuan',
      pay_at_least: 20000,
    })
    expect(normalizeSearch(' a \t b ')).toBe('a b')
  })

  it('leaves out a minimum pay that is no whole amount in range, or zero', () => {
    for (const payAtLeast of [0, -1, 1.5, MAX_PAY_CNY + 1, NaN]) expect(positionQuery({ ...emptyFilters(), payAtLeast })).toEqual({})
    expect(positionQuery({ ...emptyFilters(), payAtLeast: MAX_PAY_CNY })).toEqual({ pay_at_least: MAX_PAY_CNY })
  })

  it('adds the page: limit, and before = the last id shown', () => {
    expect(positionQuery({ ...emptyFilters(), city: 'datong' }, { limit: 11 })).toEqual({ city: 'datong', limit: 11 })
    expect(positionQuery(emptyFilters(), { limit: 11, before: 42 })).toEqual({ limit: 11, before: 42 })
  })

  it('says whether anything narrows the search', () => {
    expect(hasFilters(emptyFilters())).toBe(false)
    expect(hasFilters({ ...emptyFilters(), q: '   ' })).toBe(false)
    expect(hasFilters({ ...emptyFilters(), q: '数据' })).toBe(true)
    expect(hasFilters({ ...emptyFilters(), payAtLeast: 1000 })).toBe(true)
  })

  it('round-trips the filters through the address, dropping what is not valid', () => {
    const f = { q: '工程师', engagement: 'consultant', field: 'finance', city: 'lvliang', payAtLeast: 15000 }
    const route = filtersToRoute(f)
    expect(route).toEqual({ q: '工程师', engagement: 'consultant', field: 'finance', city: 'lvliang', pay: '15000' })
    expect(filtersFromRoute(route)).toEqual(f)
    expect(filtersFromRoute({})).toEqual(emptyFilters())
    expect(filtersFromRoute({ q: ['数据', 'x'], engagement: 'forever', pay: '12abc' })).toEqual({ ...emptyFilters(), q: '数据' })
    expect(filtersFromRoute({ pay: '0' }).payAtLeast).toBeNull()
    expect(filtersFromRoute({ pay: '999999999' }).payAtLeast).toBeNull()
    expect(filtersFromRoute({ field: 'finance', city: 'paris' }, { fields: ['finance'], cities: ['taiyuan'] })).toEqual({ ...emptyFilters(), field: 'finance' })
  })

  it('links the feed of the same filters', () => {
    expect(feedHref(emptyFilters())).toBe('/api/v1/positions.atom')
    expect(feedHref({ ...emptyFilters(), q: '电池 安全', city: 'taiyuan' })).toBe('/api/v1/positions.atom?q=%E7%94%B5%E6%B1%A0+%E5%AE%89%E5%85%A8&city=taiyuan')
  })
})

describe('tags', () => {
  it('are stored collapsed and compared without ASCII case', () => {
    expect(collapseSpaces('  battery \t safety ')).toBe('battery safety')
    expect(normalizeTag(' Battery  SAFETY ')).toBe('battery safety')
    expect(normalizeTag('锂电池')).toBe('锂电池')
  })

  it('drop empty ones and repeats, keeping the first spelling', () => {
    expect(cleanTags(['Python', ' python ', 'C++', '', '  ', 'Data  analysis', 'data analysis', '数据'])).toEqual(['Python', 'C++', 'Data analysis', '数据'])
  })

  it('are checked as the server checks them: count, bytes, one line', () => {
    expect(checkTags([], 20)).toBeNull()
    expect(checkTags(['a', 'b'], 1)).toEqual({ key: 'tagsTooMany', params: { max: 1 } })
    expect(checkTags(['x'.repeat(50)], 20)).toBeNull()
    expect(checkTags(['x'.repeat(51)], 20)).toEqual({ key: 'tag', params: { max: 50 } })
    expect(checkTags(['材'.repeat(16)], 20)).toBeNull() // 48 bytes
    expect(checkTags(['材'.repeat(17)], 20)).toEqual({ key: 'tag', params: { max: 50 } }) // 51 bytes
    expect(checkTags(['two\nlines'], 20)).toEqual({ key: 'tag', params: { max: 50 } })
    expect(checkTags(['  '], 20)).toEqual({ key: 'tag', params: { max: 50 } })
    expect(checkTags('not a list', 20)).toBeNull()
  })
})

describe('the checks of the forms', () => {
  it('title: required, at most 200 bytes once trimmed', () => {
    expect(checkPositionTitle('  ')).toEqual({ key: 'required' })
    expect(checkPositionTitle(undefined)).toEqual({ key: 'required' })
    expect(checkPositionTitle(`  ${'工'.repeat(66)}  `)).toBeNull() // 198 bytes
    expect(checkPositionTitle('工'.repeat(67))).toEqual({ key: 'bytes', params: { max: 200 } })
  })

  it('description: required, at most 20 KB', () => {
    expect(checkDescription('\n ')).toEqual({ key: 'required' })
    expect(checkDescription('x'.repeat(20000))).toBeNull()
    expect(checkDescription('x'.repeat(20001))).toEqual({ key: 'bytes', params: { max: 20000 } })
  })

  it('summary and cover note: optional, bytes counted', () => {
    expect(checkOptionalText('', 2000)).toBeNull()
    expect(checkOptionalText('é'.repeat(1000), 2000)).toBeNull()
    expect(checkOptionalText('é'.repeat(1001), 2000)).toEqual({ key: 'bytes', params: { max: 2000 } })
  })

  it("a decline's reason: required, at most 2,000 bytes", () => {
    expect(checkReason(' ')).toEqual({ key: 'required' })
    expect(checkReason('方向不符')).toBeNull()
    expect(checkReason('x'.repeat(2001))).toEqual({ key: 'bytes', params: { max: 2000 } })
  })

  it('codes: required, one of those offered', () => {
    expect(checkCode('', ENGAGEMENTS)).toEqual({ key: 'required' })
    expect(checkCode('full_time', ENGAGEMENTS)).toBeNull()
    expect(checkCode('forever', ENGAGEMENTS)).toEqual({ key: 'choose' })
    expect(checkCode('taiyuan', [])).toBeNull() // the list not loaded yet: the server decides
  })

  it('pay: whole CNY from 0 to 10,000,000; the highest not below the lowest', () => {
    expect(checkPay(null)).toEqual({ key: 'required' })
    expect(checkPay(null, false)).toBeNull()
    expect(checkPay(0)).toBeNull()
    expect(checkPay(MAX_PAY_CNY)).toBeNull()
    expect(checkPay(MAX_PAY_CNY + 1)).toEqual({ key: 'pay', params: { max: '10,000,000' } })
    expect(checkPay(-1)).toEqual({ key: 'pay', params: { max: '10,000,000' } })
    expect(checkPay(100.5)).toEqual({ key: 'pay', params: { max: '10,000,000' } })
    expect(checkPayMax(20000, 30000)).toEqual({ key: 'payOrder' })
    expect(checkPayMax(30000, 30000)).toBeNull()
    expect(checkPayMax(30000, null)).toBeNull()
    expect(checkPayMax(null, 100)).toEqual({ key: 'required' })
  })

  it('every verdict has its words in both languages', () => {
    for (const key of ['required', 'choose', 'bytes', 'tag', 'tagsTooMany', 'pay', 'payOrder']) {
      expect((zh.validation as Record<string, unknown>)[key], key).toBeTypeOf('string')
      expect((en.validation as Record<string, unknown>)[key], key).toBeTypeOf('string')
    }
  })
})

describe('the position form', () => {
  const p: Position = {
    id: 4,
    employer_id: 1,
    employer_name: '太原晋能新材料有限公司',
    title: '数据平台工程师',
    engagement: 'full_time',
    field: 'information_technology',
    skills: ['C++', 'SQL'],
    city: 'taiyuan',
    city_zh: '太原市',
    pay_min_cny: 20000,
    pay_max_cny: 38000,
    lang: 'zh-CN',
    description: '建设生产数据平台。',
    summary: '建设生产数据平台。',
    status: 'open',
    created_at: '2026-11-29T00:33:50Z',
    updated_at: '2026-11-29T00:33:50Z',
  }

  it('starts empty in the UI language, and fills from a position without sharing its lists', () => {
    expect(emptyPositionDraft('en')).toMatchObject({ title: '', engagement: 'full_time', skills: [], pay_min_cny: null, lang: 'en' })
    const d = positionDraft(p)
    expect(d).toEqual({ title: p.title, engagement: 'full_time', field: p.field, skills: ['C++', 'SQL'], city: 'taiyuan', pay_min_cny: 20000, pay_max_cny: 38000, lang: 'zh-CN', description: p.description })
    d.skills.push('Go')
    expect(p.skills).toEqual(['C++', 'SQL'])
  })

  it('sends the title trimmed, the tags cleaned, an empty pay as 0', () => {
    const d = { ...positionDraft(p), title: '  数据平台工程师 ', skills: ['SQL', 'sql', ' Go '], pay_min_cny: null }
    expect(positionInput(d)).toEqual({ ...positionDraft(p), skills: ['SQL', 'Go'], pay_min_cny: 0 })
  })
})

describe('the market profile', () => {
  const fields: Labelled[] = [
    { code: 'new_materials', zh: '新材料', en: 'New materials' },
    { code: 'information_technology', zh: '信息技术', en: 'Information technology' },
  ]
  const cities: Labelled[] = [{ code: 'taiyuan', zh: '太原市', en: 'Taiyuan' }]

  it("maps a field drawn from the dossier (free text) onto the list's codes", () => {
    expect(fieldCodeOf('new_materials', fields)).toBe('new_materials')
    expect(fieldCodeOf(' 新材料 ', fields)).toBe('new_materials')
    expect(fieldCodeOf('information  TECHNOLOGY', fields)).toBe('information_technology')
    expect(fieldCodeOf('量子物理', fields)).toBe('')
    expect(fieldCodeOf('', fields)).toBe('')
  })

  it('keeps the cities and modes offered, and sends the tags cleaned', () => {
    const p: MarketProfile = {
      talent_id: 9,
      field: '新材料',
      skills: ['Python'],
      cities: ['taiyuan', 'atlantis'],
      engagements: ['full_time', 'forever'],
      min_pay_cny: 25000,
      summary: '十年经验',
      visible: true,
      updated_at: '',
    }
    const d = profileDraft(p, { fields, cities })
    expect(d).toEqual({ field: 'new_materials', skills: ['Python'], cities: ['taiyuan'], engagements: ['full_time'], min_pay_cny: 25000, summary: '十年经验', visible: true })
    expect(profileInput({ ...d, skills: ['Python', 'python', ' SQL'] }).skills).toEqual(['Python', 'SQL'])
  })
})

describe('the words of a match', () => {
  it('reads a reason in the UI language', () => {
    const r = { en: 'same field: New materials', zh: '专业领域相同：新材料' }
    expect(reasonText(r, 'en')).toBe('same field: New materials')
    expect(reasonText(r, 'zh-CN')).toBe('专业领域相同：新材料')
  })

  it('colours a score', () => {
    expect(scoreType(100)).toBe('success')
    expect(scoreType(75)).toBe('success')
    expect(scoreType(60)).toBe('warning')
    expect(scoreType(35)).toBe('info')
  })

  it('has words for every stage, action and criterion in both languages', () => {
    const keys = [
      ...HIRING_STAGES.map((s) => `hiringStages.${s}`),
      ...HIRING_STEPS.map((s) => `hiringActions.${s.action}`),
      ...CRITERIA.map((c) => `market.criteria.${c}`),
    ]
    for (const messages of [zh, en]) {
      const i18n = createI18n({ legacy: false, locale: 'x', messages: { x: messages as typeof zh } })
      for (const k of keys) expect(i18n.global.te(k), k).toBe(true)
    }
  })
})
