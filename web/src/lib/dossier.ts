// The dossier editor's model: the inputs of the policy in force (for the shipped
// Shanxi policy, policies/shanxi-2017.toml [inputs.*]), converted between the API's
// JSON and the form, and checked field by field before they are sent.
//
// The API has no endpoint that describes a policy's inputs yet, so the names, kinds
// and allowed values below mirror the shipped policy file. Inputs the platform fills
// from records (id, name, nationality, employer_id, employer_avg_monthly_salary_cny,
// employer_ownership) are not part of the dossier the talent edits.
import type { Dossier } from '@/api/types'

export const HONORS = [
  'academician',
  'national_talent_program',
  'provincial_talent_program',
  'state_council_special_allowance',
  'national_skill_master',
  'provincial_skill_master',
] as const
export const LEVELS = ['national', 'provincial', 'municipal'] as const
export const SCHOOL_STAGES = ['none', 'primary', 'junior', 'senior'] as const
export const ENGAGEMENTS = ['full_time', 'consultant', 'part_time', 'project'] as const
export const ORIGIN_REGIONS = ['east', 'central', 'west', 'northeast', 'abroad', 'unknown'] as const
export const IDENTITIES = ['cadre', 'worker', 'farmer', 'soldier', 'none'] as const
export const EDUCATIONS = ['none', 'bachelor', 'master', 'doctorate'] as const
export const TITLES = ['none', 'junior', 'intermediate', 'associate_senior', 'senior'] as const

/** Fields the platform merges in from the talent's and employer's records. */
export const RECORD_OWNED = [
  'id',
  'name',
  'nationality',
  'employer_id',
  'employer_avg_monthly_salary_cny',
  'employer_ownership',
] as const

/** Counts (whole numbers, 0 and up) and their upper bound where the policy sets one. */
export const COUNT_FIELDS = {
  years_experience: 80,
  invention_patents: 100000,
  patents_commercialized: 100000,
  jobs_created: 10000000,
  standards_drafted: 100000,
  papers: 100000,
} as const
export type CountField = keyof typeof COUNT_FIELDS

/** Amounts in yuan, entered as text ("250000" or "250000.50"). */
export const MONEY_FIELDS = ['annual_salary_cny', 'revenue_generated_cny', 'tax_paid_cny'] as const
export type MoneyField = (typeof MONEY_FIELDS)[number]

export interface AwardForm {
  level: string
  rank: number
}
export interface ProjectForm {
  level: string
  funding_cny: string
}
export interface ChildForm {
  birth_date: string
  school_stage: string
}

export interface DossierForm {
  birth_date: string
  overseas: boolean
  engagement: string
  field: string
  honors: string[]
  awards: AwardForm[]
  projects_led: ProjectForm[]
  annual_salary_cny: string
  revenue_generated_cny: string
  tax_paid_cny: string
  years_experience: number
  invention_patents: number
  patents_commercialized: number
  jobs_created: number
  standards_drafted: number
  spouse: { present: boolean; employed: boolean }
  children: ChildForm[]
  // Recorded for statistics only: the policy may never use them as criteria.
  hukou_province: string
  origin_region: string
  identity: string
  education: string
  professional_title: string
  papers: number
}

/** Every form property a server error may be shown next to. */
export const FORM_PROPS: readonly string[] = [
  'birth_date',
  'overseas',
  'engagement',
  'field',
  'honors',
  'awards',
  'projects_led',
  ...MONEY_FIELDS,
  ...Object.keys(COUNT_FIELDS),
  'spouse',
  'spouse.present',
  'spouse.employed',
  'children',
  'hukou_province',
  'origin_region',
  'identity',
  'education',
  'professional_title',
]

/** Props of list elements: `awards.0.level` ... for the first `n` elements. */
export function listProps(form: DossierForm): string[] {
  const out: string[] = []
  form.awards.forEach((_, i) => out.push(`awards.${i}`, `awards.${i}.level`, `awards.${i}.rank`))
  form.projects_led.forEach((_, i) => out.push(`projects_led.${i}`, `projects_led.${i}.level`, `projects_led.${i}.funding_cny`))
  form.children.forEach((_, i) => out.push(`children.${i}`, `children.${i}.birth_date`, `children.${i}.school_stage`))
  return out
}

function str(v: unknown, dflt = ''): string {
  return typeof v === 'string' ? v : dflt
}
function num(v: unknown, dflt = 0): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : dflt
}
function bool(v: unknown, dflt = false): boolean {
  return typeof v === 'boolean' ? v : dflt
}
/** An amount for a text input: 250000 → "250000", 0.5 → "0.50". */
export function moneyText(v: unknown): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) return ''
  return Number.isInteger(v) ? String(v) : v.toFixed(2)
}
function records(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object') : []
}

export function emptyForm(): DossierForm {
  return fromDossier({})
}

/** The form of a stored dossier, with the policy's defaults for what it lacks. */
export function fromDossier(d: Dossier): DossierForm {
  const spouse = (d.spouse && typeof d.spouse === 'object' ? d.spouse : {}) as Record<string, unknown>
  return {
    birth_date: str(d.birth_date),
    overseas: bool(d.overseas),
    engagement: str(d.engagement, 'full_time'),
    field: str(d.field),
    honors: Array.isArray(d.honors) ? d.honors.filter((h): h is string => typeof h === 'string') : [],
    awards: records(d.awards).map((a) => ({ level: str(a.level, 'provincial'), rank: num(a.rank, 1) })),
    projects_led: records(d.projects_led).map((p) => ({ level: str(p.level, 'provincial'), funding_cny: moneyText(p.funding_cny) })),
    annual_salary_cny: moneyText(d.annual_salary_cny),
    revenue_generated_cny: moneyText(d.revenue_generated_cny),
    tax_paid_cny: moneyText(d.tax_paid_cny),
    years_experience: num(d.years_experience),
    invention_patents: num(d.invention_patents),
    patents_commercialized: num(d.patents_commercialized),
    jobs_created: num(d.jobs_created),
    standards_drafted: num(d.standards_drafted),
    spouse: { present: bool(spouse.present), employed: bool(spouse.employed) },
    children: records(d.children).map((c) => ({ birth_date: str(c.birth_date), school_stage: str(c.school_stage, 'none') })),
    hukou_province: str(d.hukou_province),
    origin_region: str(d.origin_region, 'unknown'),
    identity: str(d.identity, 'none'),
    education: str(d.education, 'none'),
    professional_title: str(d.professional_title, 'none'),
    papers: num(d.papers),
  }
}

/** A checked amount's number: "1,000.5" is not accepted by the checks, so this only trims. */
export function moneyValue(s: string): number {
  const t = s.trim()
  return t === '' ? 0 : Number(t)
}

/**
 * The dossier JSON of a form. Keys of `original` the form does not know (inputs of a
 * newer policy) are kept; record-owned keys are dropped, as the API refuses them.
 */
export function toDossier(form: DossierForm, original: Dossier = {}): Dossier {
  const out: Dossier = {}
  for (const [k, v] of Object.entries(original)) if (!(RECORD_OWNED as readonly string[]).includes(k)) out[k] = v
  Object.assign(out, {
    birth_date: form.birth_date,
    overseas: form.overseas,
    engagement: form.engagement,
    field: form.field.trim(),
    honors: [...form.honors],
    awards: form.awards.map((a) => ({ level: a.level, rank: a.rank })),
    projects_led: form.projects_led.map((p) => ({ level: p.level, funding_cny: moneyValue(p.funding_cny) })),
    annual_salary_cny: moneyValue(form.annual_salary_cny),
    revenue_generated_cny: moneyValue(form.revenue_generated_cny),
    tax_paid_cny: moneyValue(form.tax_paid_cny),
    years_experience: form.years_experience,
    invention_patents: form.invention_patents,
    patents_commercialized: form.patents_commercialized,
    jobs_created: form.jobs_created,
    standards_drafted: form.standards_drafted,
    spouse: { present: form.spouse.present, employed: form.spouse.present && form.spouse.employed },
    children: form.children.map((c) => ({ birth_date: c.birth_date, school_stage: c.school_stage })),
    hukou_province: form.hukou_province.trim(),
    origin_region: form.origin_region,
    identity: form.identity,
    education: form.education,
    professional_title: form.professional_title,
    papers: form.papers,
  })
  if (!form.birth_date) delete out.birth_date
  return out
}

// --- field checks -----------------------------------------------------------------

/** A check's verdict: an i18n key (under `validation.`) and its parameters, or null. */
export type Verdict = { key: string; params?: Record<string, string | number> } | null

export function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}

/** A real calendar day written YYYY-MM-DD, from 1900, not after today. */
export function checkDate(s: string, opts: { required?: boolean; today?: Date } = {}): Verdict {
  if (!s) return opts.required ? { key: 'required' } : null
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return { key: 'date' }
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3])
  const dt = new Date(Date.UTC(y, mo - 1, d))
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return { key: 'date' }
  if (y < 1900) return { key: 'dateTooEarly' }
  if (s > isoDate(opts.today ?? new Date())) return { key: 'dateFuture' }
  return null
}

export const MONEY_MAX = 1e13

/** An amount in yuan: digits with at most two decimals, 0 up to 10^13. */
export function checkMoney(s: string, opts: { required?: boolean } = {}): Verdict {
  const t = s.trim()
  if (t === '') return opts.required ? { key: 'required' } : null
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return { key: 'money' }
  if (Number(t) > MONEY_MAX) return { key: 'moneyTooLarge' }
  return null
}

/** A whole number between min and max. */
export function checkCount(v: unknown, min: number, max: number): Verdict {
  if (typeof v !== 'number' || !Number.isFinite(v)) return { key: 'required' }
  if (!Number.isInteger(v)) return { key: 'integer' }
  if (v < min || v > max) return { key: 'range', params: { min, max } }
  return null
}

function oneOf(v: string, allowed: readonly string[]): Verdict {
  return allowed.includes(v) ? null : { key: 'choose' }
}

/** Every problem of a form, by property; empty when it can be sent. */
export function validateDossier(form: DossierForm, today: Date = new Date()): Record<string, Verdict> {
  const out: Record<string, Verdict> = {}
  const put = (prop: string, v: Verdict) => {
    if (v) out[prop] = v
  }
  put('birth_date', checkDate(form.birth_date, { required: true, today }))
  put('engagement', oneOf(form.engagement, ENGAGEMENTS))
  for (const f of MONEY_FIELDS) put(f, checkMoney(form[f]))
  for (const [f, max] of Object.entries(COUNT_FIELDS)) put(f, checkCount(form[f as CountField], 0, max))
  form.honors.forEach((h) => put('honors', oneOf(h, HONORS)))
  if (new Set(form.honors).size !== form.honors.length) put('honors', { key: 'duplicate' })
  form.awards.forEach((a, i) => {
    put(`awards.${i}.level`, oneOf(a.level, LEVELS))
    put(`awards.${i}.rank`, checkCount(a.rank, 1, 3))
  })
  form.projects_led.forEach((p, i) => {
    put(`projects_led.${i}.level`, oneOf(p.level, LEVELS))
    put(`projects_led.${i}.funding_cny`, checkMoney(p.funding_cny, { required: true }))
  })
  form.children.forEach((c, i) => {
    let v = checkDate(c.birth_date, { required: true, today })
    if (!v && form.birth_date && !checkDate(form.birth_date, { today }) && c.birth_date <= form.birth_date)
      v = { key: 'childAfterParent' }
    put(`children.${i}.birth_date`, v)
    put(`children.${i}.school_stage`, oneOf(c.school_stage, SCHOOL_STAGES))
  })
  put('origin_region', oneOf(form.origin_region, ORIGIN_REGIONS))
  put('identity', oneOf(form.identity, IDENTITIES))
  put('education', oneOf(form.education, EDUCATIONS))
  put('professional_title', oneOf(form.professional_title, TITLES))
  if (form.hukou_province.length > 64) put('hukou_province', { key: 'tooLong', params: { max: 64 } })
  if (form.field.length > 128) put('field', { key: 'tooLong', params: { max: 128 } })
  return out
}
