// Entitlement claims in the browser, without I/O: the entitlements that become
// claims and their kinds (mirroring src/domain/claim_workflow.h), what a card grants
// matched with the claims opened on it, money in fen shown as yuan, months
// (YYYY-MM), a school ranking reordered, a flat's area and dates checked as the
// server checks them, letter numbers normalised, and placement runs read alike from
// POST /placements and GET /placements/latest.
import type { Claim, Entitlement, Flat, PlacementRun, PlacementSummary } from '@/api/types'

export type ClaimKind = 'residence' | 'letter' | 'housing' | 'school' | 'allowance'

/** The entitlements that become claims, in the server's order, with their kind and who answers them. */
export const CLAIM_ENTITLEMENTS: readonly { id: string; kind: ClaimKind; responsible: 'office' | 'employer' }[] = [
  { id: 'residence_choice', kind: 'residence', responsible: 'office' },
  { id: 'turnover_housing', kind: 'housing', responsible: 'employer' },
  { id: 'school_choice', kind: 'school', responsible: 'office' },
  { id: 'spouse_allowance', kind: 'allowance', responsible: 'employer' },
  { id: 'spouse_social_insurance', kind: 'allowance', responsible: 'employer' },
  { id: 'residence_permit_5y', kind: 'letter', responsible: 'office' },
  { id: 'permanent_residence_priority', kind: 'letter', responsible: 'office' },
]

/** Every state a claim can be in (claim_workflow.h). */
export const CLAIM_STATES = [
  'open',
  'chosen',
  'letter_issued',
  'assigned',
  'occupied',
  'released',
  'ranked',
  'placed',
  'unplaced',
  'active',
  'suspended',
  'withdrawn',
  'closed',
] as const

/** Every claim action (claim_workflow.cpp ClaimActionNames), and `open` on the timeline. */
export const CLAIM_ACTIONS = [
  'open',
  'choose',
  'issue_letter',
  'assign',
  'occupy',
  'release',
  'rank',
  'place',
  'spouse_employed',
  'spouse_unemployed',
  'withdraw',
  'close',
] as const

export const LETTER_KINDS = ['settlement', 'residence_permit_support', 'permanent_residence_recommendation'] as const
export const LETTER_STATUSES = ['valid', 'expired', 'withdrawn'] as const
export const SCHOOL_STAGES = ['primary', 'junior', 'senior'] as const
export const SCHOOL_CRITERIA = ['tier', 'same_city', 'first_claimed'] as const
/** A child ranks at most this many schools. */
export const MAX_RANKED = 10

export function claimKind(entitlement: string): ClaimKind | null {
  return CLAIM_ENTITLEMENTS.find((e) => e.id === entitlement)?.kind ?? null
}

/** Does this claim carry a printable letter once issued? */
export function hasLetter(entitlement: string): boolean {
  const k = claimKind(entitlement)
  return k === 'residence' || k === 'letter'
}

const FINAL_STATES: ReadonlySet<string> = new Set(['letter_issued', 'released', 'withdrawn', 'closed'])
export function isFinalState(state: string): boolean {
  return FINAL_STATES.has(state)
}

export type TagType = 'success' | 'warning' | 'danger' | 'info' | 'primary'

/** How a claim's state is coloured: done green, waiting for someone blue, stopped grey, refused orange. */
export function claimStateType(state: string): TagType {
  switch (state) {
    case 'letter_issued':
    case 'occupied':
    case 'placed':
    case 'active':
      return 'success'
    case 'unplaced':
    case 'suspended':
      return 'warning'
    case 'withdrawn':
    case 'closed':
    case 'released':
      return 'info'
    default:
      return 'primary'
  }
}

/**
 * The actions a page offers as buttons or forms: those the server lists for the
 * caller (it no longer lists `place`: the office places every child at once with
 * POST /placements), without `close`, which is the system's.
 */
export function offeredActions(actions: readonly string[] | undefined): string[] {
  return (actions ?? []).filter((a) => a !== 'close')
}

// --- what the card grants, and the claims on it ----------------------------------------------

/** One thing a card grants that can be claimed: an entitlement, per child for school choice. */
export interface Grantable {
  entitlement: string
  /** 1-based child index (the claim's numbering) for school_choice, else null. */
  child: number | null
  /** A stable key: `school_choice#2`, `residence_choice`. */
  key: string
  /** The decision's entitlement (payer, clause, monthly amount). */
  granted: Entitlement
}

export function grantKey(entitlement: string, child: number | null | undefined): string {
  return child ? `${entitlement}#${child}` : entitlement
}

/**
 * The claimable entitlements of a decision, in the claims' order. The engine numbers
 * children from 0 (`child: 0` is the first child); claims number them from 1.
 * Entitlements that do not become claims are left out.
 */
export function grantables(entitlements: readonly Entitlement[] | undefined): Grantable[] {
  const out: Grantable[] = []
  for (const e of entitlements ?? []) {
    if (!claimKind(e.id)) continue
    const child = claimKind(e.id) === 'school' ? (typeof e.child === 'number' ? e.child + 1 : null) : null
    if (claimKind(e.id) === 'school' && child === null) continue
    out.push({ entitlement: e.id, child, key: grantKey(e.id, child), granted: e })
  }
  const order = (id: string) => CLAIM_ENTITLEMENTS.findIndex((c) => c.id === id)
  return out.sort((a, b) => order(a.entitlement) - order(b.entitlement) || (a.child ?? 0) - (b.child ?? 0))
}

/** The claim opened for a grantable entitlement, if any. */
export function claimOf(g: Grantable, claims: readonly Claim[]): Claim | undefined {
  return claims.find((c) => c.entitlement === g.entitlement && (c.child ?? null) === g.child)
}

// --- money ---------------------------------------------------------------------------------

/**
 * An amount in fen as yuan with two decimals and grouping, exactly (integer
 * arithmetic, no binary fractions): 771000 → "7,710.00", -5 → "-0.05".
 */
export function formatFen(fen: number | null | undefined, locale = 'zh-CN'): string {
  if (fen == null || !Number.isFinite(fen)) return ''
  const n = Math.round(fen)
  const neg = n < 0
  const abs = Math.abs(n)
  const yuan = Math.floor(abs / 100)
  const cents = String(abs % 100).padStart(2, '0')
  const grouped = new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 0 }).format(yuan)
  return `${neg ? '-' : ''}${grouped}.${cents}`
}

/** The sum of amounts in fen (integers, so exact). */
export function sumFen(items: readonly { amount_fen: number }[]): number {
  return items.reduce((s, i) => s + i.amount_fen, 0)
}

// --- months ----------------------------------------------------------------------------------

/** A month as the API writes it: YYYY-MM, month 01 to 12, year 1900 to 9999. */
export function isMonth(text: unknown): text is string {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}$/.test(text)) return false
  const y = Number(text.slice(0, 4))
  const m = Number(text.slice(5, 7))
  return y >= 1900 && m >= 1 && m <= 12
}

/** The month (YYYY-MM) of a date in China's time zone, where the office is. */
export function monthOf(date: Date = new Date()): string {
  return dayOf(date).slice(0, 7)
}

/** The day (YYYY-MM-DD) of a date in China's time zone (UTC+8, no daylight saving). */
export function dayOf(date: Date = new Date()): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}

export type MonthProblem = null | 'month' | 'monthFuture' | 'monthBeforeClaim'

/**
 * Checks a month typed for the spouse's change or a payment: a real month, not after
 * `latest` (when given: a payment is recorded in or after its month), not before
 * `earliest` (the claim's opening month).
 */
export function checkMonth(text: unknown, opts: { earliest?: string; latest?: string } = {}): MonthProblem {
  if (!isMonth(text)) return 'month'
  if (opts.latest && text > opts.latest) return 'monthFuture'
  if (opts.earliest && text < opts.earliest.slice(0, 7)) return 'monthBeforeClaim'
  return null
}

// --- school ranking ----------------------------------------------------------------------------

/** The list with the item at `index` moved by `delta` places (clamped); the same list when it cannot move. */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const out = [...list]
  if (index < 0 || index >= out.length) return out
  const to = Math.max(0, Math.min(out.length - 1, index + delta))
  if (to === index) return out
  const [item] = out.splice(index, 1)
  out.splice(to, 0, item)
  return out
}

/** The ranking with `id` added last, unless it is there already or the ranking is full. */
export function addRanked(list: readonly number[], id: number, max = MAX_RANKED): number[] {
  if (list.includes(id) || list.length >= max) return [...list]
  return [...list, id]
}

export function removeRanked(list: readonly number[], id: number): number[] {
  return list.filter((x) => x !== id)
}

/** Why a ranking cannot be sent, or null: 1 to 10 schools, none twice. */
export function checkRanking(list: readonly number[], max = MAX_RANKED): null | 'rankingEmpty' | 'rankingTooMany' | 'duplicate' {
  if (!list.length) return 'rankingEmpty'
  if (list.length > max) return 'rankingTooMany'
  if (new Set(list).size !== list.length) return 'duplicate'
  return null
}

// --- flats -----------------------------------------------------------------------------------

/** A flat's area as the server takes it: "86", "86.5", "86.55"; positive, under 10000 m². */
export function isArea(text: string): boolean {
  return /^\d{1,4}(\.\d{1,2})?$/.test(text) && Number(text) > 0
}

/** A real calendar date YYYY-MM-DD. */
export function isDate(text: unknown): text is string {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const d = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text
}

/** The flats an obligation can be given today: in the inventory, free, available until today or later. */
export function freeFlats(flats: readonly Flat[], today: string): Flat[] {
  return flats.filter((f) => !f.retired && f.claim_id == null && f.available_to >= today)
}

export type FlatStatus = 'retired' | 'held' | 'ended' | 'free'
export function flatStatus(f: Flat, today: string): FlatStatus {
  if (f.retired) return 'retired'
  if (f.claim_id != null) return 'held'
  if (f.available_to < today) return 'ended'
  return 'free'
}

// --- letters ---------------------------------------------------------------------------------

const CROCKFORD = /^[0-9A-HJKMNP-TV-Z]{16}$/

/**
 * A letter number as typed or read from paper, made ready to look up: without
 * spaces, in capitals, with any kind of dash as '-', the letters Crockford's Base32
 * leaves out read as the digits they look like (I, L → 1; O → 0), and the dashes put
 * back where they belong when they were left out ("jl7k3mq9xd2hcwtr5b" →
 * "JL-7K3M-Q9XD-2HCW-TR5B"). Anything else is returned trimmed and in capitals.
 */
export function normalizeLetterNumber(raw: string): string {
  const s = raw
    .replace(/[\s\u200B-\u200D\uFEFF]+/g, '')
    .replace(/[\u2010-\u2015\u2212\uFF0D_]/g, '-')
    .toUpperCase()
  if (!s.startsWith('JL')) return s
  const body = s
    .slice(2)
    .replace(/-/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0')
  if (!CROCKFORD.test(body)) return s
  return `JL-${body.match(/.{4}/g)!.join('-')}`
}

/** Does the text look like a letter number (after normalising)? */
export function looksLikeLetterNumber(text: string): boolean {
  return /^JL(-[0-9A-HJKMNP-TV-Z]{4}){4}$/.test(text)
}

export function letterStatusType(status: string): 'success' | 'warning' | 'danger' {
  return status === 'valid' ? 'success' : status === 'expired' ? 'warning' : 'danger'
}

// --- placement -------------------------------------------------------------------------------

/** A run's summary (POST /placements and GET /placements/latest answer alike), padded to ten choices. */
export function placementSummary(run: PlacementRun): PlacementSummary {
  const byChoice = run.by_choice ?? []
  return {
    unplaced: run.unplaced ?? Math.max(0, run.children - run.placed),
    changed: run.changed ?? 0,
    by_choice: Array.from({ length: MAX_RANKED }, (_, i) => byChoice[i] ?? 0),
  }
}

/** The placement note shown to a talent: the choice number, or null when not placed. */
export function placedChoice(claim: Claim): number | null {
  const c = claim.detail?.placement?.choice
  return claim.state === 'placed' && typeof c === 'number' && c > 0 ? c : null
}

// --- the timeline's notes ----------------------------------------------------------------------

/** A place of residence in words: "太原市小店区", "Taiyuan, Xiaodian". */
export function placeText(city: string, county: string | null | undefined, locale: string): string {
  const c = (county ?? '').trim()
  if (!c) return city
  return locale === 'en' ? `${city}, ${c}` : `${city}${c}`
}

export interface NoteWords {
  /** A city's name, or null when the code is not a city. */
  city: (code: string) => string | null
  t: (key: string, params?: Record<string, unknown>) => string
  locale: string
}

/**
 * A timeline step's note as a person reads it. The server writes codes: the city (and
 * county) chosen, a letter number, a month, "School name #2" for a placement at the
 * second choice and "-" for none, and English for a claim closed with its card; notes
 * a person typed are shown as they are. Null: nothing to show.
 */
export function claimNoteText(action: string, note: string | null | undefined, w: NoteWords): string | null {
  const n = (note ?? '').trim()
  if (!n) return null
  if (action === 'place') {
    if (n === '-') return w.t('claim.notes.unplaced')
    const m = /^(.*\S)\s+#(\d+)$/.exec(n)
    return m ? w.t('claim.notes.placed', { school: m[1], n: Number(m[2]) }) : n
  }
  if (n === '-') return null
  if (action === 'choose') {
    const [code, ...rest] = n.split(/\s+/)
    const city = w.city(code)
    return city ? placeText(city, rest.join(' '), w.locale) : n
  }
  if (action === 'close') {
    if (n === 'card_expired') return w.t('claim.notes.cardExpired')
    const m = /^card_revoked:?\s*(.*)$/s.exec(n)
    if (m) return m[1] ? w.t('claim.notes.cardRevokedBecause', { reason: m[1] }) : w.t('claim.notes.cardRevoked')
  }
  return n
}
