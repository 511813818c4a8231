// Talent flows and cadres' business leaves without I/O: the sectors (mirroring
// src/domain/talent_sectors.cpp: an employer's sector from its kind and ownership,
// inside or outside the system, which kinds grant leaves), the summary's matrix as a
// table and as the Sankey chart's option, a flow's direction (into, out of, within,
// outside the system), the checks of the forms as src/service/talent_flows.cpp makes
// them (dates from 1950, not in the future; a return date after the leave and at most
// three years on; the unified social credit code of GB 32100; one-line names, notes
// in bytes), and the bodies of POST /flows and POST /business-leaves.
import type { BusinessLeave, FlowCell, FlowInput, LeaveInput, LeaveState, SectorLabel, TalentFlow } from '@/api/types'
import type { Verdict } from './dossier'
import type { Translator } from './explain'
import { utf8Bytes } from './news'
import { groupNumber } from './simulator'

// --- sectors ---------------------------------------------------------------------------------

/** The sectors in the server's order: the three inside the system first. */
export const SECTORS = ['party_government', 'public_institution', 'state_enterprise', 'non_public_enterprise', 'social_organization', 'none'] as const
export type Sector = (typeof SECTORS)[number]
const INSIDE: ReadonlySet<string> = new Set(['party_government', 'public_institution', 'state_enterprise'])

/** Party and government organs, public institutions and state-owned enterprises are inside the system. */
export function insideSystem(sector: string): boolean {
  return INSIDE.has(sector)
}

/** The sector of an employer of this kind and ownership (codes of /reference). */
export function sectorOf(kind: string, ownership = ''): Sector {
  if (kind === 'government') return 'party_government'
  if (kind === 'public_institution' || kind === 'university' || kind === 'research_institute' || kind === 'hospital') return 'public_institution'
  if (kind === 'social_organization') return 'social_organization'
  if (kind === 'enterprise') return ownership === 'state' ? 'state_enterprise' : 'non_public_enterprise'
  return 'none'
}

/** Whether cadres of an employer of this kind may leave their posts to start a business. */
export function grantsBusinessLeave(kind: string): boolean {
  return kind === 'government' || sectorOf(kind) === 'public_institution'
}

/**
 * A sector's name in the UI's language: the server's words when the summary gave them,
 * else the UI's own (`sectors.*`), else the code made readable.
 */
export function sectorLabel(code: string, tr: Translator, sectors?: readonly SectorLabel[]): string {
  const s = sectors?.find((x) => x.code === code)
  if (s) return tr.locale === 'en' ? s.en || s.code : s.zh
  const key = `sectors.${code}`
  return tr.te(key) ? tr.t(key) : code.replace(/_/g, ' ')
}

export const DIRECTIONS = ['into', 'out_of', 'within', 'outside'] as const
export type Direction = (typeof DIRECTIONS)[number]

/** Where a flow goes relative to the system (as the server's summary counts it). */
export function directionOf(from: string, to: string): Direction {
  const a = insideSystem(from)
  const b = insideSystem(to)
  return a ? (b ? 'within' : 'out_of') : b ? 'into' : 'outside'
}

/** The flows counted by direction (the summary's four figures, from its matrix). */
export function systemTotals(matrix: readonly FlowCell[]): Record<Direction, number> {
  const out: Record<Direction, number> = { into: 0, out_of: 0, within: 0, outside: 0 }
  for (const c of matrix) out[directionOf(c.from, c.to)] += c.count
  return out
}

// --- the matrix ------------------------------------------------------------------------------

/** The sectors' order: the summary's (else the UI's), then any other code the matrix names, alphabetically. */
export function sectorOrder(matrix: readonly FlowCell[], sectors?: readonly SectorLabel[]): string[] {
  const known: string[] = sectors?.length ? sectors.map((s) => s.code) : [...SECTORS]
  const extra = new Set<string>()
  for (const c of matrix) for (const s of [c.from, c.to]) if (!known.includes(s)) extra.add(s)
  return [...known, ...[...extra].sort()]
}

/** The cells with a count, repeats of a pair added up, the largest first (ties in the sectors' order). */
export function flowLinks(matrix: readonly FlowCell[], order: readonly string[] = SECTORS): FlowCell[] {
  const sum = new Map<string, FlowCell>()
  for (const c of matrix) {
    if (!(c.count > 0)) continue
    const key = `${c.from}\u0000${c.to}`
    const had = sum.get(key)
    if (had) had.count += c.count
    else sum.set(key, { from: c.from, to: c.to, count: c.count })
  }
  const at = (s: string) => {
    const i = order.indexOf(s)
    return i < 0 ? order.length : i
  }
  return [...sum.values()].sort((a, b) => b.count - a.count || at(a.from) - at(b.from) || at(a.to) - at(b.to))
}

export interface MatrixTable {
  /** Sectors flowed from (rows) and to (columns), those with any flow only, in order. */
  from: string[]
  to: string[]
  rows: { sector: string; counts: number[]; total: number }[]
  /** Per column. */
  totals: number[]
  total: number
}

/** The matrix as a table: rows the sectors left, columns the sectors joined, with totals. */
export function matrixTable(matrix: readonly FlowCell[], order: readonly string[] = SECTORS): MatrixTable {
  const links = flowLinks(matrix, order)
  const used = (side: 'from' | 'to') => order.filter((s) => links.some((l) => l[side] === s))
  const from = used('from')
  const to = used('to')
  const count = (f: string, t: string) => links.find((l) => l.from === f && l.to === t)?.count ?? 0
  const rows = from.map((sector) => {
    const counts = to.map((t) => count(sector, t))
    return { sector, counts, total: counts.reduce((a, b) => a + b, 0) }
  })
  const totals = to.map((_, i) => rows.reduce((a, r) => a + r.counts[i], 0))
  return { from, to, rows, totals, total: totals.reduce((a, b) => a + b, 0) }
}

/** The flows in words for screen readers: "党政机关 → 事业单位 2，…". */
export function spokenMatrix(matrix: readonly FlowCell[], label: (sector: string) => string, locale: string, order?: readonly string[]): string {
  return flowLinks(matrix, order)
    .map((l) => `${label(l.from)} → ${label(l.to)} ${groupNumber(l.count, locale)}`)
    .join(locale === 'en' ? ', ' : '，')
}

/** The colour of each direction: the summary's cards and the chart's bands agree. */
export const DIRECTION_COLORS: Record<Direction, string> = { into: '#2e7d32', out_of: '#ef6c00', within: '#b71c1c', outside: '#607d8b' }
const SECTOR_COLORS: Record<string, string> = {
  party_government: '#b71c1c',
  public_institution: '#d84315',
  state_enterprise: '#f9a825',
  non_public_enterprise: '#1565c0',
  social_organization: '#00838f',
  none: '#78909c',
}

/** A node of the chart: `from:` or `to:` and the sector (the two sides are separate nodes, so a sector may flow to itself). */
export function nodeName(side: 'from' | 'to', sector: string): string {
  return `${side}:${sector}`
}
export function sectorOfNode(name: string): string {
  const i = name.indexOf(':')
  return i < 0 ? name : name.slice(i + 1)
}

/**
 * The matrix as a Sankey chart: the sectors left on the left, those joined on the right
 * (each side in the sectors' order), a band per pair as wide as its count, coloured by
 * its direction. Sectors without flows are left out.
 */
export function sankeyOption(matrix: readonly FlowCell[], label: (sector: string) => string, tr: Translator, order: readonly string[] = SECTORS) {
  const t = matrixTable(matrix, order)
  const links = flowLinks(matrix, order)
  const n = (v: number) => groupNumber(v, tr.locale)
  const node = (side: 'from' | 'to', sector: string) => ({
    name: nodeName(side, sector),
    depth: side === 'from' ? 0 : 1,
    itemStyle: { color: SECTOR_COLORS[sector] ?? '#9e9e9e' },
    label: { position: side === 'from' ? 'left' : 'right' },
  })
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataType?: string; name?: string; value?: number; data?: { source?: string; target?: string } }) => {
        if (p.dataType === 'edge' && p.data?.source && p.data.target)
          return `${label(sectorOfNode(p.data.source))} → ${label(sectorOfNode(p.data.target))}: ${n(Number(p.value))}`
        return `${label(sectorOfNode(p.name ?? ''))}: ${n(Number(p.value))}`
      },
    },
    series: [
      {
        type: 'sankey',
        left: 150,
        right: 150,
        top: 12,
        bottom: 12,
        nodeWidth: 14,
        nodeGap: 14,
        layoutIterations: 0, // keep the sectors' order
        draggable: false,
        emphasis: { focus: 'adjacency' },
        label: {
          width: 136,
          overflow: 'break',
          fontSize: 12,
          formatter: (p: { name: string; value: number }) => `${label(sectorOfNode(p.name))} ${n(Number(p.value))}`,
        },
        data: [...t.from.map((s) => node('from', s)), ...t.to.map((s) => node('to', s))],
        links: links.map((l) => ({
          source: nodeName('from', l.from),
          target: nodeName('to', l.to),
          value: l.count,
          lineStyle: { color: DIRECTION_COLORS[directionOf(l.from, l.to)], opacity: 0.45 },
        })),
      },
    ],
  }
}

// --- dates -----------------------------------------------------------------------------------

/** The earliest date the server takes. */
export const EARLIEST_DAY = '1950-01-01'
/** The longest leave (the server's assumption, to be set by the office). */
export const MAX_LEAVE_YEARS = 3

function parts(day: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m) return null
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3])
  const dt = new Date(Date.UTC(y, mo - 1, d))
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null
  return [y, mo, d]
}

/** Whether a text is a real day, YYYY-MM-DD. */
export function isDay(v: unknown): v is string {
  return typeof v === 'string' && parts(v) !== null
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** The calendar day a date picker's Date stands for (its local year, month and day). */
export function localDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}

/** A day `n` days later (earlier when negative). */
export function addDays(day: string, n: number): string {
  const p = parts(day)
  if (!p) return day
  return iso(Date.UTC(p[0], p[1] - 1, p[2] + n))
}

/** Days from `a` to `b` (negative when `b` comes first). */
export function daysBetween(a: string, b: string): number {
  const p = parts(a)
  const q = parts(b)
  if (!p || !q) return 0
  return Math.round((Date.UTC(q[0], q[1] - 1, q[2]) - Date.UTC(p[0], p[1] - 1, p[2])) / 86_400_000)
}

/**
 * The latest return date of a leave: the same month and day three years on; a leave
 * begun on 29 February ends by 28 February (as the server's AddYears counts, the Civil
 * Code's way; the stricter of the two readings, so nothing accepted here is refused there).
 */
export function latestReturn(leftOn: string): string {
  const p = parts(leftOn)
  if (!p) return ''
  const [y, m, d] = p
  return `${String(y + MAX_LEAVE_YEARS).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(m === 2 && d === 29 ? 28 : d).padStart(2, '0')}`
}

/** A day from 1950 up to `latest`: required, real, not too early, not after `latest` (`dateFuture` when it is today). */
export function checkDay(v: unknown, opts: { latest?: string; today?: string } = {}): Verdict {
  if (v === null || v === undefined || v === '') return { key: 'required' }
  if (!isDay(v)) return { key: 'date' }
  if (v < EARLIEST_DAY) return { key: 'dateBefore', params: { min: EARLIEST_DAY } }
  if (opts.latest && v > opts.latest) return opts.latest === opts.today ? { key: 'dateFuture' } : { key: 'dateAfter', params: { max: opts.latest } }
  return null
}

/** The day of a move: not in the future. */
export function checkMovedOn(v: unknown, today: string): Verdict {
  return checkDay(v, { latest: today, today })
}

/** The first day of a leave: at most a year ahead (366 days, as the server allows). */
export function checkLeftOn(v: unknown, today: string): Verdict {
  return checkDay(v, { latest: addDays(today, 366) })
}

/** The return date: after the leave begins and at most three years from it. */
export function checkReturnBy(v: unknown, leftOn: unknown): Verdict {
  const d = checkDay(v)
  if (d) return d
  if (!isDay(leftOn)) return null // the first day is refused at its own field
  if ((v as string) <= leftOn) return { key: 'returnAfterLeft', params: { date: leftOn } }
  const latest = latestReturn(leftOn)
  if ((v as string) > latest) return { key: 'returnWindow', params: { years: MAX_LEAVE_YEARS, max: latest } }
  return null
}

/** The day a leave ends (return or stay): not before it began, not in the future. */
export function checkEndOn(v: unknown, leftOn: string, today: string): Verdict {
  const d = checkMovedOn(v, today)
  if (d) return d
  if (isDay(leftOn) && (v as string) < leftOn) return { key: 'endBeforeLeft', params: { date: leftOn } }
  return null
}

/** Days left until the return date (negative: overdue by so many days). */
export function daysToReturn(l: Pick<BusinessLeave, 'return_by'>, today: string): number {
  return daysBetween(today, l.return_by)
}

// --- the unified social credit code (GB 32100-2015) ------------------------------------------

const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** The check character of the first 17 characters of a code. */
export function creditCheckCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += CREDIT_ALPHABET.indexOf(first17[i]) * CREDIT_WEIGHTS[i]
  const c = 31 - (sum % 31)
  return CREDIT_ALPHABET[c === 31 ? 0 : c]
}

/** A code as typed made as sent: spaces dropped, letters in capitals. */
export function normalizeCreditCode(v: string): string {
  return v.replace(/[\s\u3000]+/g, '').toUpperCase()
}

/** What is wrong with a code (as the server says it), null when nothing is. */
export function checkCreditCode(v: unknown): Verdict {
  const code = typeof v === 'string' ? normalizeCreditCode(v) : ''
  if (!code) return { key: 'required' }
  const chars = [...code]
  if (chars.length !== 18) return { key: 'creditCode.length', params: { length: chars.length } }
  for (let i = 0; i < 18; i++) if (!CREDIT_ALPHABET.includes(chars[i])) return { key: 'creditCode.char', params: { position: i + 1, char: chars[i] } }
  const want = creditCheckCharacter(code.slice(0, 17))
  if (want !== code[17]) return { key: 'creditCode.check', params: { expected: want, actual: code[17] } }
  return null
}

// --- text ------------------------------------------------------------------------------------

export const BUSINESS_NAME_MAX_BYTES = 200
export const NOTE_MAX_BYTES = 2000

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/

/** The business's name: one line of 1 to 200 bytes. */
export function checkBusinessName(v: unknown): Verdict {
  const s = typeof v === 'string' ? v : ''
  if (!s.trim()) return { key: 'required' }
  if (/[\r\n]/.test(s) || CONTROL.test(s)) return { key: 'oneLine' }
  if (utf8Bytes(s) > BUSINESS_NAME_MAX_BYTES) return { key: 'bytes', params: { max: BUSINESS_NAME_MAX_BYTES } }
  return null
}

/** A note: optional, at most 2,000 bytes, no control characters (line breaks are fine). */
export function checkNote(v: unknown): Verdict {
  const s = typeof v === 'string' ? v : ''
  if (CONTROL.test(s)) return { key: 'controlCharacters' }
  if (utf8Bytes(s) > NOTE_MAX_BYTES) return { key: 'bytes', params: { max: NOTE_MAX_BYTES } }
  return null
}

// --- the flow form ---------------------------------------------------------------------------

/** "Outside the province, or no employer" in an employer select. */
export const NO_EMPLOYER = 'none'
/** An employer chosen in a select: its id, none (outside the province), or not chosen yet. */
export type EmployerChoice = number | typeof NO_EMPLOYER | null | ''

const chosen = (v: EmployerChoice) => v !== null && v !== ''
const idOf = (v: EmployerChoice): number | null => (typeof v === 'number' ? v : null)

/** A talent's id as typed or chosen: a positive whole number. */
export function talentIdOf(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*#?\d{1,15}\s*$/.test(v) ? Number(v.replace(/[#\s]/g, '')) : NaN
  return Number.isSafeInteger(n) && n > 0 ? n : null
}

export function checkTalentId(v: unknown): Verdict {
  if (v === null || v === undefined || v === '') return { key: 'required' }
  return talentIdOf(v) === null ? { key: 'talentId' } : null
}

/** The employer a flow comes from: chosen (an employer, or none). */
export function checkFromEmployer(from: EmployerChoice): Verdict {
  return chosen(from) ? null : { key: 'required' }
}

/**
 * The employer a flow goes to: chosen, not the one it comes from (nor both none); for an
 * employer's account, one of the two is its own.
 */
export function checkToEmployer(to: EmployerChoice, from: EmployerChoice, own?: number | null): Verdict {
  if (!chosen(to)) return { key: 'required' }
  if (chosen(from) && idOf(from) === idOf(to)) return { key: 'sameEmployer' }
  if (own != null && chosen(from) && idOf(from) !== own && idOf(to) !== own) return { key: 'ownEmployer' }
  return null
}

export interface FlowDraft {
  talent: number | string | null
  from: EmployerChoice
  to: EmployerChoice
  engagement: string
  moved_on: string
  note: string
}

export function emptyFlowDraft(today: string): FlowDraft {
  return { talent: null, from: null, to: null, engagement: 'full_time', moved_on: today, note: '' }
}

/** The body of POST /flows (none as null; the note without surrounding spaces, left out when empty). */
export function flowInput(d: FlowDraft): FlowInput {
  const note = d.note.trim()
  return {
    talent_id: talentIdOf(d.talent) ?? 0,
    from_employer_id: idOf(d.from),
    to_employer_id: idOf(d.to),
    engagement: d.engagement || 'full_time',
    moved_on: d.moved_on,
    ...(note ? { note } : {}),
  }
}

// --- the leave form --------------------------------------------------------------------------

export interface LeaveDraft {
  talent: number | null
  business_name: string
  business_credit_code: string
  left_on: string
  return_by: string
  note: string
}

export function emptyLeaveDraft(today: string): LeaveDraft {
  return { talent: null, business_name: '', business_credit_code: '', left_on: today, return_by: '', note: '' }
}

/** The body of POST /business-leaves (`employer_id` for the office only). */
export function leaveInput(d: LeaveDraft, employerId?: number): LeaveInput {
  const note = d.note.trim()
  return {
    talent_id: d.talent ?? 0,
    ...(employerId ? { employer_id: employerId } : {}),
    business_name: d.business_name.trim(),
    business_credit_code: normalizeCreditCode(d.business_credit_code),
    left_on: d.left_on,
    return_by: d.return_by,
    ...(note ? { note } : {}),
  }
}

// --- words and colours -----------------------------------------------------------------------

export const LEAVE_STATES: readonly LeaveState[] = ['on_leave', 'returned', 'stayed']
export type LeaveAction = 'return' | 'stay'
export const LEAVE_ACTIONS: readonly LeaveAction[] = ['return', 'stay']

/** A leave's colour: on leave orange (overdue red), returned green, stayed grey. */
export function leaveTagType(l: Pick<BusinessLeave, 'state' | 'overdue'>): 'warning' | 'danger' | 'success' | 'info' {
  if (l.state === 'on_leave') return l.overdue ? 'danger' : 'warning'
  return l.state === 'returned' ? 'success' : 'info'
}

/** The talents a leave may be granted to: those not on leave now. */
export function onLeaveNow(leaves: readonly Pick<BusinessLeave, 'talent_id' | 'state'>[]): Set<number> {
  return new Set(leaves.filter((l) => l.state === 'on_leave').map((l) => l.talent_id))
}

/** A side of a flow in words: the employer's name, or the sector's (none: outside the province or no employer). */
export function sideName(f: TalentFlow, side: 'from' | 'to', sectorWord: (s: string) => string): string {
  const name = side === 'from' ? f.from_employer_name : f.to_employer_name
  return name || sectorWord(side === 'from' ? f.from_sector : f.to_sector)
}
