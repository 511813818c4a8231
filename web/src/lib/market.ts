// The recruitment market without I/O: the applicant pipeline (which action each stage
// allows, mirroring src/domain/hiring_pipeline.cpp), pay ranges in words, the public
// search's filters as the API's query, the page's URL and the feed's link, tags as the
// server stores and compares them (src/domain/market_match.cpp), the checks of the
// position and profile forms (as src/service/recruitment_market.cpp makes them), and
// the words of a match's reasons.
import { buildUrl, type Query } from '@/api/client'
import type {
  Engagement,
  HiringAction,
  HiringStage,
  Labelled,
  MarketProfile,
  MarketProfileInput,
  MatchReason,
  NewsLang,
  Position,
  PositionApplication,
  PositionInput,
} from '@/api/types'
import type { Verdict } from './dossier'
import { utf8Bytes, type PageQuery } from './news'

export const ENGAGEMENTS: readonly Engagement[] = ['full_time', 'consultant', 'part_time', 'project']
/** The stages in the pipeline's order; the last three are final. */
export const HIRING_STAGES: readonly HiringStage[] = ['applied', 'shortlisted', 'interview', 'offered', 'hired', 'declined', 'withdrawn']
/** The criteria of a match, in the server's order. */
export const CRITERIA = ['skills', 'field', 'city', 'engagement', 'pay'] as const

/** The server's limits. */
export const MAX_PAY_CNY = 10_000_000
export const TITLE_MAX_BYTES = 200
export const DESCRIPTION_MAX_BYTES = 20_000
export const TAG_MAX_BYTES = 50
export const POSITION_SKILLS_MAX = 20
export const PROFILE_SKILLS_MAX = 30
export const SUMMARY_MAX_BYTES = 2000
export const COVER_NOTE_MAX_BYTES = 4000
export const REASON_MAX_BYTES = 2000

// --- the pipeline ----------------------------------------------------------------------------

export type HiringSide = 'employer' | 'talent'

export interface HiringStep {
  action: HiringAction
  side: HiringSide
  to: HiringStage
  from: readonly HiringStage[]
  needsReason: boolean
}

/** As src/domain/hiring_pipeline.cpp: a step may skip stages forward, never go back. */
export const HIRING_STEPS: readonly HiringStep[] = [
  { action: 'shortlist', side: 'employer', to: 'shortlisted', from: ['applied'], needsReason: false },
  { action: 'interview', side: 'employer', to: 'interview', from: ['applied', 'shortlisted'], needsReason: false },
  { action: 'offer', side: 'employer', to: 'offered', from: ['applied', 'shortlisted', 'interview'], needsReason: false },
  { action: 'decline', side: 'employer', to: 'declined', from: ['applied', 'shortlisted', 'interview', 'offered'], needsReason: true },
  { action: 'accept', side: 'talent', to: 'hired', from: ['offered'], needsReason: false },
  { action: 'withdraw', side: 'talent', to: 'withdrawn', from: ['applied', 'shortlisted', 'interview', 'offered'], needsReason: false },
]

export function stepOf(action: string): HiringStep | undefined {
  return HIRING_STEPS.find((s) => s.action === action)
}

/** The actions one side may take on an application at a stage, in the pipeline's order. */
export function actionsFor(stage: string, side: HiringSide): HiringAction[] {
  return HIRING_STEPS.filter((s) => s.side === side && (s.from as readonly string[]).includes(stage)).map((s) => s.action)
}

export function isFinalStage(stage: string): boolean {
  return stage === 'hired' || stage === 'declined' || stage === 'withdrawn'
}

/** A stage's colour (Element Plus tag type). */
export function stageTagType(stage: string): 'primary' | 'success' | 'warning' | 'danger' | 'info' {
  switch (stage) {
    case 'hired':
      return 'success'
    case 'interview':
    case 'offered':
      return 'warning'
    case 'declined':
      return 'danger'
    case 'withdrawn':
      return 'info'
    default:
      return 'primary'
  }
}

/** A position's applications by stage, in the pipeline's order, stages without any left out. */
export function stageCounts(counts: Partial<Record<string, number>> | undefined): { stage: HiringStage; count: number }[] {
  return HIRING_STAGES.map((stage) => ({ stage, count: counts?.[stage] ?? 0 })).filter((c) => c.count > 0)
}

export function applicationsTotal(counts: Partial<Record<string, number>> | undefined): number {
  return Object.values(counts ?? {}).reduce<number>((s, n) => s + (n ?? 0), 0)
}

/** The calling talent's application to a position, if they made one. */
export function applicationTo(positionId: number, mine: readonly PositionApplication[]): PositionApplication | undefined {
  return mine.find((a) => a.position_id === positionId)
}

// --- pay -------------------------------------------------------------------------------------

/** Whole yuan with grouping: 25000 → "25,000". */
export function formatCny(n: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 0 }).format(n)
}

/**
 * A monthly pay range's figures: "25,000–45,000", one figure when both ends are the
 * same, null when nothing is paid (0–0: negotiable, said in words by the page).
 */
export function formatPayRange(min: number, max: number, locale: string): string | null {
  if (!(max > 0)) return null
  if (min === max) return formatCny(max, locale)
  return `${formatCny(min, locale)}–${formatCny(max, locale)}`
}

// --- the public search -----------------------------------------------------------------------

export interface PositionFilters {
  /** Words or Chinese characters; every one must occur. */
  q: string
  engagement: string
  field: string
  city: string
  /** CNY a month; null: any. */
  payAtLeast: number | null
}

export function emptyFilters(): PositionFilters {
  return { q: '', engagement: '', field: '', city: '', payAtLeast: null }
}

/** A search as sent: trimmed, runs of spaces (full-width too) made one. */
export function normalizeSearch(q: string): string {
  return q.replace(/[\s\u3000]+/g, ' ').trim()
}

function validPay(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= MAX_PAY_CNY
}

/** The API's query of a search (empty filters left out), with a page's `limit` and `before`. */
export function positionQuery(f: PositionFilters, page?: PageQuery): Query {
  const q: Query = {}
  const text = normalizeSearch(f.q)
  if (text) q.q = text
  if (f.engagement) q.engagement = f.engagement
  if (f.field) q.field = f.field
  if (f.city) q.city = f.city
  if (validPay(f.payAtLeast)) q.pay_at_least = f.payAtLeast
  if (page) {
    q.limit = page.limit
    if (page.before !== undefined) q.before = page.before
  }
  return q
}

/** Whether any filter narrows the search. */
export function hasFilters(f: PositionFilters): boolean {
  return Object.keys(positionQuery(f)).length > 0
}

type RouteQuery = Record<string, string | null | (string | null)[] | undefined>

function first(v: string | null | (string | null)[] | undefined): string {
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' ? s : ''
}

/**
 * The filters of the page's address (`/positions?q=工程&city=taiyuan&pay=20000`), so
 * that a search can be linked to and the back button returns to it. Codes not among
 * `known` (when given) and pay that is not a whole number in range are dropped.
 */
export function filtersFromRoute(query: RouteQuery, known?: { engagements?: readonly string[]; fields?: readonly string[]; cities?: readonly string[] }): PositionFilters {
  const code = (v: string, list?: readonly string[]) => (v && (!list || list.includes(v)) ? v : '')
  const payText = first(query.pay)
  const pay = /^\d{1,8}$/.test(payText) ? Number(payText) : NaN
  return {
    q: first(query.q),
    engagement: code(first(query.engagement), known?.engagements ?? ENGAGEMENTS),
    field: code(first(query.field), known?.fields),
    city: code(first(query.city), known?.cities),
    payAtLeast: validPay(pay) ? pay : null,
  }
}

/** The page's address query of the filters (the inverse of `filtersFromRoute`). */
export function filtersToRoute(f: PositionFilters): Record<string, string> {
  const out: Record<string, string> = {}
  const text = normalizeSearch(f.q)
  if (text) out.q = text
  if (f.engagement) out.engagement = f.engagement
  if (f.field) out.field = f.field
  if (f.city) out.city = f.city
  if (validPay(f.payAtLeast)) out.pay = String(f.payAtLeast)
  return out
}

/** The Atom feed of the positions the filters select. */
export function feedHref(f: PositionFilters, base = '/api/v1/positions.atom'): string {
  return buildUrl(base, positionQuery(f))
}

// --- tags (skills) ---------------------------------------------------------------------------

/** A tag as stored: trimmed, inner runs of spaces made one (src/domain/market_match.cpp CollapseSpaces). */
export function collapseSpaces(s: string): string {
  return s.replace(/[ \t\r\n]+/g, ' ').trim()
}

/** A tag as compared: collapsed and ASCII lower-cased ("Python" and " python" are one skill). */
export function normalizeTag(s: string): string {
  return collapseSpaces(s).replace(/[A-Z]/g, (c) => c.toLowerCase())
}

/** Tags as the server keeps them: collapsed, empty ones and repeats (as compared) dropped, the first spelling kept. */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const t of tags) {
    const n = normalizeTag(t)
    if (!n || seen.has(n)) continue
    seen.add(n)
    out.push(collapseSpaces(t))
  }
  return out
}

/** A list of tags: at most `max`, each 1 to 50 bytes on one line. */
export function checkTags(tags: unknown, max: number): Verdict {
  const list = Array.isArray(tags) ? (tags as unknown[]) : []
  if (list.length > max) return { key: 'tagsTooMany', params: { max } }
  for (const t of list) {
    const s = typeof t === 'string' ? collapseSpaces(t) : ''
    if (!s || /[\r\n]/.test(String(t)) || utf8Bytes(s) > TAG_MAX_BYTES) return { key: 'tag', params: { max: TAG_MAX_BYTES } }
  }
  return null
}

// --- the checks of the forms -----------------------------------------------------------------

function text(v: unknown): string {
  return typeof v === 'string' ? v : ''
}

/** Required, 1 to 200 bytes once trimmed. */
export function checkPositionTitle(v: unknown): Verdict {
  const s = text(v).trim()
  if (!s) return { key: 'required' }
  if (utf8Bytes(s) > TITLE_MAX_BYTES) return { key: 'bytes', params: { max: TITLE_MAX_BYTES } }
  return null
}

/** Required, at most 20 KB. */
export function checkDescription(v: unknown): Verdict {
  const s = text(v)
  if (!s.trim()) return { key: 'required' }
  if (utf8Bytes(s) > DESCRIPTION_MAX_BYTES) return { key: 'bytes', params: { max: DESCRIPTION_MAX_BYTES } }
  return null
}

/** Optional text of at most `max` bytes (a profile's summary, a cover note). */
export function checkOptionalText(v: unknown, max: number): Verdict {
  return utf8Bytes(text(v)) > max ? { key: 'bytes', params: { max } } : null
}

/** A decline's reason: required, at most 2,000 bytes. */
export function checkReason(v: unknown): Verdict {
  const s = text(v)
  if (!s.trim()) return { key: 'required' }
  return checkOptionalText(s, REASON_MAX_BYTES)
}

/** One of the codes offered (an empty value: required). */
export function checkCode(v: unknown, codes: readonly string[]): Verdict {
  const s = text(v)
  if (!s) return { key: 'required' }
  return codes.length && !codes.includes(s) ? { key: 'choose' } : null
}

/** A monthly amount in whole CNY from 0 to 10,000,000; `required` refuses an empty one. */
export function checkPay(v: unknown, required = true): Verdict {
  if (v === null || v === undefined || v === '') return required ? { key: 'required' } : null
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > MAX_PAY_CNY) return { key: 'pay', params: { max: formatCny(MAX_PAY_CNY, 'en') } }
  return null
}

/** The highest pay: as `checkPay`, and not below the lowest. */
export function checkPayMax(max: unknown, min: unknown): Verdict {
  const v = checkPay(max)
  if (v) return v
  return typeof min === 'number' && (max as number) < min ? { key: 'payOrder' } : null
}

// --- the position form -----------------------------------------------------------------------

export interface PositionDraft {
  title: string
  engagement: string
  field: string
  skills: string[]
  city: string
  pay_min_cny: number | null
  pay_max_cny: number | null
  lang: NewsLang
  description: string
}

export function emptyPositionDraft(lang: NewsLang = 'zh-CN'): PositionDraft {
  return { title: '', engagement: 'full_time', field: '', skills: [], city: '', pay_min_cny: null, pay_max_cny: null, lang, description: '' }
}

export function positionDraft(p: Position): PositionDraft {
  return {
    title: p.title,
    engagement: p.engagement,
    field: p.field,
    skills: [...p.skills],
    city: p.city,
    pay_min_cny: p.pay_min_cny,
    pay_max_cny: p.pay_max_cny,
    lang: p.lang === 'en' ? 'en' : 'zh-CN',
    description: p.description,
  }
}

/** The body of POST/PUT /positions: the title trimmed, tags cleaned, empty pay as 0. */
export function positionInput(d: PositionDraft): PositionInput {
  return {
    title: d.title.trim(),
    engagement: d.engagement,
    field: d.field,
    skills: cleanTags(d.skills),
    city: d.city,
    pay_min_cny: d.pay_min_cny ?? 0,
    pay_max_cny: d.pay_max_cny ?? 0,
    lang: d.lang,
    description: d.description,
  }
}

// --- the market profile ----------------------------------------------------------------------

/**
 * A field's code from what a profile drawn from the dossier carries (free text there):
 * the code itself, or a field whose Chinese or English name it is; '' when none is.
 */
export function fieldCodeOf(value: string, fields: readonly Labelled[]): string {
  const v = normalizeTag(value)
  if (!v) return ''
  const hit = fields.find((f) => f.code === v || normalizeTag(f.zh) === v || (f.en && normalizeTag(f.en) === v))
  return hit ? hit.code : ''
}

/** The form of a profile: the field as a code of the list, cities and modes among those offered. */
export function profileDraft(p: MarketProfile, ref: { fields: readonly Labelled[]; cities: readonly Labelled[] }): MarketProfileInput {
  const cities = new Set(ref.cities.map((c) => c.code))
  return {
    field: fieldCodeOf(p.field, ref.fields),
    skills: [...p.skills],
    cities: p.cities.filter((c) => cities.has(c)),
    engagements: p.engagements.filter((e) => (ENGAGEMENTS as readonly string[]).includes(e)),
    min_pay_cny: p.min_pay_cny,
    summary: p.summary,
    visible: p.visible,
  }
}

/** The body of PUT /market/profile. */
export function profileInput(d: MarketProfileInput): MarketProfileInput {
  return { ...d, skills: cleanTags(d.skills), min_pay_cny: d.min_pay_cny ?? 0 }
}

// --- a match's words -------------------------------------------------------------------------

/** A reason in the UI's language (the server writes both). */
export function reasonText(r: Pick<MatchReason, 'en' | 'zh'>, locale: string): string {
  return locale === 'en' ? r.en : r.zh
}

/** A score's colour: a good match green, a fair one orange, a weak one grey. */
export function scoreType(score: number): 'success' | 'warning' | 'info' {
  if (score >= 75) return 'success'
  if (score >= 50) return 'warning'
  return 'info'
}
