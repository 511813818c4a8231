// Shapes of the Jincai API's JSON (docs/api.md), as far as the UI reads them.

export type Role = 'talent' | 'employer_admin' | 'employer_staff' | 'officer' | 'policy_analyst' | 'admin'

export interface User {
  user_id: number
  username: string
  role: Role
  employer_id: number | null
  talent_id: number | null
}

export interface LoginResponse {
  token: string
  csrf_token: string
  expires_at: string
  user: User
}

export interface SessionResponse {
  csrf_token: string
  user: User
}

export interface Labelled {
  code: string
  zh: string
  en?: string
}

export interface Reference {
  application_actions: Labelled[]
  application_states: Labelled[]
  cities: Labelled[]
  employer_kinds: Labelled[]
  employer_ownerships: Labelled[]
  /** Professional fields of the recruitment market (positions and profiles). */
  fields: Labelled[]
  /** Modes of engagement: full_time, consultant, part_time, project. */
  engagements: Labelled[]
}

export interface Employer {
  id: number
  name: string
  credit_code: string
  kind: string
  ownership: string
  city: string
  avg_monthly_salary_fen: number
  created_at: string
  updated_at: string
}

export interface Award {
  level: string
  rank: number
}
export interface Project {
  level: string
  funding_cny: number
}
export interface Child {
  birth_date: string
  school_stage: string
}

/** A dossier as the API stores it: the policy's inputs (policies/*.toml [inputs.*]). */
export type Dossier = Record<string, unknown>

export interface Talent {
  id: number
  name: string
  nationality: string
  document_kind: 'resident_id' | 'passport'
  document_number: string
  employer_id: number | null
  dossier: Dossier
  created_at: string
  updated_at: string
}

export interface Points {
  ability: number
  performance: number
  contribution: number
  total: number
  [dimension: string]: number
}

export interface ParameterValue {
  value: unknown
  from?: string
  assumption?: boolean
}

export type TraceValues = Record<string, unknown>

export interface CriterionTrace {
  id: string
  dimension: string
  /** Absent for a criterion without a `when` condition. */
  applies?: boolean | null
  points: number
  when?: string
  formula?: string
  cite?: string
  values?: TraceValues
}

export interface TierTrace {
  id: string
  name?: string
  condition?: string
  cite?: string
  engagement?: string[]
  values?: TraceValues
}

export interface FailedCondition {
  condition: string
  left?: unknown
  right?: unknown
  short_by?: number
}

export interface HigherTier {
  id: string
  name?: string
  condition?: string
  condition_holds?: boolean
  engagement_covered?: boolean
  failed?: FailedCondition[]
  cite?: string
}

export interface EntitlementTrace {
  id: string
  payer?: string
  granted?: number
  grants?: unknown[]
  reason?: string
  when?: string
  cite?: string
  for_each?: string
  monthly_formula?: string
  values?: TraceValues
}

export interface Entitlement {
  id: string
  payer?: string
  cite?: string
  monthly_cny?: number
  amounts?: Record<string, number>
  details?: Record<string, unknown>
  [extra: string]: unknown
}

export interface WhatItTakesChange {
  field: string
  add?: unknown
  from?: unknown
  to?: unknown
}

export interface WhatItTakes {
  target: string | null
  changes?: WhatItTakesChange[]
  note?: string
}

export interface Decision {
  id?: string
  tier: string | null
  points: Points
  entitlements: Entitlement[]
  policy?: { id: string; version: string }
  trace?: {
    date?: string
    criteria?: CriterionTrace[]
    tier?: TierTrace | null
    higher_tiers_not_reached?: HigherTier[]
    entitlements?: EntitlementTrace[]
  }
  what_it_takes?: WhatItTakes
}

export interface PolicyRef {
  id: string
  version: string
  version_id?: number
  effective_from?: string
  as_of?: string
}

export interface Preview {
  tier: string | null
  auto_approve?: boolean
  decision: Decision
  policy: PolicyRef
}

export type AppState =
  | 'draft'
  | 'submitted'
  | 'returned'
  | 'endorsed'
  | 'evaluated'
  | 'approved'
  | 'rejected'
  | 'issued'
  | 'revoked'
  | 'expired'
  | 'withdrawn'

export type AppAction =
  | 'submit'
  | 'withdraw'
  | 'endorse'
  | 'return'
  | 'approve'
  | 'reject'
  | 'issue'
  | 'renew'
  | 'revoke'

export interface TimelineEntry {
  action: string
  actor_role: string
  actor_user_id: number | null
  at: string
  from: string | null
  to: string
  reason: string | null
}

export interface ApplicationSummary {
  id: number
  talent_id: number
  employer_id: number | null
  state: AppState
  tier: string | null
  revision: number
  submitted_on: string | null
  card_expires_on: string | null
  policy_version_id: number | null
  created_at: string
  updated_at: string
}

export interface Application extends ApplicationSummary {
  dossier?: Dossier
  decision?: Decision | null
  decided_under?: PolicyRef | null
  timeline: TimelineEntry[]
  actions: AppAction[]
}

export interface Items<T> {
  items: T[]
}

export interface AuditRecord {
  id: number
  at: string
  actor: string
  action: string
  object_type: string
  object_id: string
  before_digest: string
  after_digest: string
  prev_hash: string
  hash: string
}

export interface AuditVerify {
  ok: boolean
  records: number
  head_hash?: string
  broken_id: number | null
  break: unknown
  detail: string
}

export interface PolicyVersion {
  id: number
  policy_id: string
  version: string
  effective_from: string
  digest: string
  uploaded_at: string
  uploaded_by: number | null
  text?: string
  /** On upload: the check's result (warnings, if any). */
  check?: PolicyCheck
}

export interface Diagnostic {
  severity: 'error' | 'warning' | string
  code: string
  line: number
  column: number
  message: string
  rendered?: string
}

export interface PolicyCheck {
  ok: boolean
  diagnostics: Diagnostic[]
  policy_id: string | null
  version: string | null
  effective: string | null
}

/** GET /applications/{id}/card: the card in force. */
export interface CardInfo {
  application_id?: number
  card_id: string
  key_id: string
  issued_on: string
  expires_on: string
  status: string
  /** The signed credential, `JC1:` and Base45: what the QR code holds. */
  text: string
  qr_svg: string
}

/** What a card says, as the verification reads it from its signed payload. */
export interface CardPayload {
  card_id: string
  holder_name: string
  nationality?: string
  tier: string
  entitlements: { id: string; clause?: string; [extra: string]: unknown }[]
  issued_on: string
  expires_on: string
  policy_id?: string
  policy_version?: string
}

export type Verdict =
  | 'valid'
  | 'expired'
  | 'not_yet_valid'
  | 'revoked'
  | 'bad_signature'
  | 'altered_payload'
  | 'unknown_key'
  | 'malformed'

/** POST /cards/verify. */
export interface VerifyResult {
  verdict: Verdict | string
  /** In the request's language (Accept-Language). */
  reason: string
  key_id: string | null
  card?: CardPayload
}

// --- entitlement claims (GET/POST /claims, /flats, /schools, /placements, /letters) ---

/** A turnover flat of an employer's inventory. */
export interface Flat {
  id: number
  employer_id: number
  address: string
  /** Square metres as text, at most 2 decimals: "86.5". */
  area_m2: string
  rooms: number
  available_from: string
  available_to: string
  retired: boolean
  /** The claim holding the flat (assigned or occupied), if any. */
  claim_id: number | null
}

export type SchoolStage = 'primary' | 'junior' | 'senior'
export type SchoolCriterion = 'tier' | 'same_city' | 'first_claimed'

export interface School {
  id: number
  code: string
  name: string
  city: string
  stage: SchoolStage | string
  capacity: number
  priority: (SchoolCriterion | string)[]
}

export interface Letter {
  number: string
  /** settlement, residence_permit_support, permanent_residence_recommendation */
  kind: string
  holder_name: string
  /** In the request's language (Accept-Language). */
  body: string
  issued_on: string
  valid_until: string
  /** valid, expired, withdrawn */
  status: string
  claim_id: number
}

/** One month of an allowance claim's schedule. */
export interface AllowanceMonth {
  month: string
  amount_fen: number
  policy_version: string
  salary_fen: number
  paid_on: string | null
  paid_fen: number | null
  /** paid, due (this month or later), missed (an earlier month, unpaid) */
  status?: string
}

export interface ClaimEvent {
  action: string
  actor_role: string
  actor_user_id: number | null
  at: string
  from: string | null
  to: string
  note: string | null
}

export interface NotGiven {
  school_id?: number
  school: string
  reason: string
  reason_zh: string
}

export interface ClaimDetail {
  city?: string
  county?: string
  stage?: string
  ranking?: number[]
  placement?: { run: number; choice: number; not_given: NotGiven[] }
  [extra: string]: unknown
}

export interface Claim {
  id: number
  application_id: number
  talent_id: number
  employer_id: number | null
  entitlement: string
  /** 1-based child index (school_choice only). */
  child: number | null
  state: string
  revision: number
  responsible: 'office' | 'employer' | string
  detail: ClaimDetail | null
  opened_on: string
  updated_at: string
  overdue: boolean
  flat: Flat | null
  school: School | null
  letter: Letter | null
  /** What the caller may do now. */
  actions: string[]
  /** GET /claims/{id} and actions only. */
  timeline?: ClaimEvent[]
  /** Allowance claims, GET /claims/{id} and actions only. */
  months?: AllowanceMonth[]
}

export interface ClaimActionBody {
  city?: string
  county?: string
  flat_id?: number
  schools?: number[]
  month?: string
  note?: string
  revision?: number
}

export interface DueItem extends AllowanceMonth {
  claim_id: number
  talent_id: number
  employer_id: number | null
  entitlement: string
  status: 'due' | 'missed' | string
}

export interface AllowancesDue {
  month: string
  due_fen: number
  missed_fen: number
  items: DueItem[]
}

export interface PlacementSummary {
  unplaced: number
  changed: number
  /** Children placed at their 1st, 2nd, ... 10th choice. */
  by_choice: number[]
}

/** A placement run, as POST /placements and GET /placements/latest both answer it. */
export interface PlacementRun {
  id: number
  run_at: string
  run_by: string
  inputs_digest: string
  children: number
  placed: number
  unplaced?: number
  changed?: number
  /** Children placed at their 1st, 2nd, ... 10th choice. */
  by_choice?: number[]
}

export interface NewFlat {
  address: string
  area_m2: string
  rooms: number
  available_from: string
  available_to: string
  employer_id?: number
}

export interface NewSchool {
  code: string
  name: string
  city: string
  stage: string
  capacity: number
  priority: string[]
}

// --- the simulator (GET /simulator/parameters, POST /simulations, /simulations/reform) ---

/** A stored policy version as the simulator names it. */
export interface SimPolicy {
  id: number
  policy_id: string
  version: string
  effective_from: string
}

export type ParameterKind = 'number' | 'money' | 'bool' | 'date' | 'string'

export interface SimParameter {
  name: string
  kind: ParameterKind | string
  /** The value on `as_of`, as text: "100", "0.6", "1000000.00", "true". */
  value: string
  assumption: string
  cite: string
}

export interface SimParameters {
  policy: SimPolicy
  as_of: string
  items: SimParameter[]
}

export interface SimulationRequest {
  policy_id?: number
  count?: number
  seed?: number
  as_of?: string
  /** Only the parameters that differ from the version's values, as text. */
  set: Record<string, string>
}

export interface BaseReform {
  base: number
  reform: number
}

export interface SimReport {
  dossiers: number
  /** Dossiers whose decision (tier, points or entitlements) differs. */
  changed: number
  tier_changed: number
  errors: BaseReform
  /** Tiers in the policy's order, `none` last. */
  tiers: ({ id: string } & BaseReform)[]
  /** Non-zero cells of the tier transition matrix. */
  transitions: { from: string; to: string; count: number }[]
  entitlements: { id: string; payer: string; count: BaseReform; monthly_cny: BaseReform; yearly_cny: BaseReform }[]
  cost_by_payer: { payer: string; monthly_cny: BaseReform; yearly_cny: BaseReform }[]
}

export interface SimulationResult {
  policy: SimPolicy
  as_of: string
  population: { source: string; count: number; seed: number; cached: boolean }
  set: Record<string, string>
  /** Time the server took deciding both sides. */
  elapsed_ms: number
  report: SimReport
}

// --- statistics (GET /statistics) ---------------------------------------------------------

export type Counts = Record<string, number>

export interface Statistics {
  as_of: string
  totals: { talents: number; employers: number; cards_in_force: number; leading_talents: number; top_tier?: string }
  applications_by_state: Counts
  holders_by: { tier: Counts; field: Counts; city: Counts; employer_kind: Counts; nationality: Counts; age_band: Counts }
  flow: { month: string; issued: number; renewed: number; revoked: number; expired: number }[]
  entitlements: { id: string; payer: string; holders: number; monthly_fen: number }[]
  monthly_fen_by_payer: Counts
  /** Claims per entitlement and state. */
  claims: Record<string, Counts>
  allowance_months_fen: { computed: number; paid: number; unpaid: number }
}

// --- news (GET /news, /news/{id}) ---------------------------------------------------------

export type NewsCategory = 'recruitment' | 'policy'
export type NewsLang = 'zh-CN' | 'en'

/** An article as the list gives it. */
export interface NewsSummary {
  id: number
  title: string
  category: NewsCategory
  lang: NewsLang
  status: 'published' | 'withdrawn'
  /** UTC, ISO 8601. */
  published_at: string
  updated_at: string
  /** The first words of its text, without markup. */
  summary: string
}

/** One article: its Markdown and the server's safe HTML of it. */
export interface NewsArticle extends NewsSummary {
  body: string
  /** Rendered and sanitised by the server: every character escaped, only http(s), mailto and site links. */
  body_html: string
}

/** What an officer writes. */
export interface NewsDraft {
  title: string
  category: NewsCategory
  lang: NewsLang
  body: string
}

export interface NewsPreview {
  body_html: string
  summary: string
}

// --- the recruitment market (GET /positions, /market/*, /position-applications) ---------

export type Engagement = 'full_time' | 'consultant' | 'part_time' | 'project'
export type HiringStage = 'applied' | 'shortlisted' | 'interview' | 'offered' | 'hired' | 'declined' | 'withdrawn'
export type HiringAction = 'shortlist' | 'interview' | 'offer' | 'decline' | 'accept' | 'withdraw'

/** What an employer writes of a position (POST /positions, PUT /positions/{id}). */
export interface PositionInput {
  title: string
  engagement: Engagement | string
  /** A professional field's code (reference `fields`). */
  field: string
  skills: string[]
  /** A city's code (reference `cities`). */
  city: string
  /** CNY a month. */
  pay_min_cny: number
  pay_max_cny: number
  lang: NewsLang
  /** Plain text. */
  description: string
}

export interface Position extends PositionInput {
  id: number
  employer_id: number
  employer_name: string
  city_zh: string
  /** The first words of the description. */
  summary: string
  status: 'open' | 'closed'
  created_at: string
  updated_at: string
  /** Applications by stage: only for the position's employer and the office. */
  applications?: Partial<Record<HiringStage, number>>
}

export interface MatchReason {
  /** skills, field, city, engagement, pay */
  criterion: string
  points: number
  of: number
  met: boolean
  en: string
  zh: string
}

/** How well a position suits a talent: a score out of 100 and its reasons. */
export interface Match {
  score: number
  reasons: MatchReason[]
}

/** The work a talent looks for (GET/PUT /market/profile). */
export interface MarketProfileInput {
  field: string
  skills: string[]
  cities: string[]
  engagements: string[]
  /** CNY a month; 0: no expectation. */
  min_pay_cny: number
  summary: string
  /** Whether employers find the talent among a position's candidates. */
  visible: boolean
}

export interface MarketProfile extends MarketProfileInput {
  talent_id: number
  /** Empty until the talent saves one (till then the profile is drawn from the dossier). */
  updated_at: string
}

export interface RankedPosition {
  position: Position
  match: Match
}

export interface PositionApplication {
  id: number
  position_id: number
  position_title: string
  position_status: 'open' | 'closed' | string
  employer_name: string
  talent_id: number
  talent_name: string
  stage: HiringStage
  stage_zh: string
  cover_note: string
  /** The reason given with the last step (a decline). */
  reason: string
  created_at: string
  updated_at: string
  match: Match
}

/** A talent ranked for a position (GET /positions/{id}/candidates). */
export interface Candidate {
  talent_id: number
  name: string
  profile: MarketProfile
  has_profile: boolean
  match: Match
  /** Of the talent's application to the position, if any. */
  stage: HiringStage | null
  application_id: number | null
}

// --- talent flows and business leaves (GET/POST /flows, /flows/summary, /business-leaves) ---

/** A move of a talent between employers (null: outside the province or no employer). */
export interface TalentFlow {
  id: number
  talent_id: number
  talent_name: string
  from_employer_id: number | null
  /** Empty when there is no employer. */
  from_employer_name: string
  to_employer_id: number | null
  to_employer_name: string
  /** party_government, public_institution, state_enterprise, non_public_enterprise, social_organization, none */
  from_sector: string
  to_sector: string
  engagement: string
  /** YYYY-MM-DD */
  moved_on: string
  /** market: a hire in the recruitment market; record: recorded by the office or an employer. */
  source: 'market' | 'record' | string
  position_application_id: number | null
  note: string
  created_at: string
}

/** The body of POST /flows. */
export interface FlowInput {
  talent_id: number
  from_employer_id: number | null
  to_employer_id: number | null
  engagement?: string
  moved_on: string
  note?: string
}

export interface SectorLabel {
  code: string
  zh: string
  en: string
  inside_system: boolean
}

/** Flows from one sector to another. */
export interface FlowCell {
  from: string
  to: string
  count: number
}

/** GET /flows/summary (the office). */
export interface FlowSummary {
  sectors: SectorLabel[]
  matrix: FlowCell[]
  into_system: number
  out_of_system: number
  within_system: number
  outside_system: number
  business_leaves: { on_leave: number; overdue: number; returned: number; stayed: number }
}

export type LeaveState = 'on_leave' | 'returned' | 'stayed'

/** A cadre's leave from their post to start a business. */
export interface BusinessLeave {
  id: number
  talent_id: number
  talent_name: string
  employer_id: number
  employer_name: string
  business_name: string
  business_credit_code: string
  left_on: string
  return_by: string
  state: LeaveState | string
  /** The day of the return or the stay; empty while on leave. */
  ended_on: string
  /** On leave after the return date. */
  overdue: boolean
  note: string
  created_at: string
  updated_at: string
}

/** The body of POST /business-leaves. */
export interface LeaveInput {
  talent_id: number
  /** The office names the organ or institution; an employer records its own cadres. */
  employer_id?: number
  business_name: string
  business_credit_code: string
  left_on: string
  return_by: string
  note?: string
}
