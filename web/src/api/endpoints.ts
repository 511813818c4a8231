// The API calls the UI makes, one function each (docs/api.md, src/http/routes.cpp).
import { http, type Query } from './client'
import type {
  AllowanceMonth,
  AllowancesDue,
  AppAction,
  Application,
  ApplicationSummary,
  AuditRecord,
  AuditVerify,
  BusinessLeave,
  CardInfo,
  Claim,
  ClaimActionBody,
  Dossier,
  Employer,
  Flat,
  FlowInput,
  FlowSummary,
  Items,
  LeaveInput,
  LeaveState,
  Letter,
  NewsArticle,
  NewsCategory,
  NewsDraft,
  NewsLang,
  NewsPreview,
  NewsSummary,
  LoginResponse,
  NewFlat,
  NewSchool,
  PlacementRun,
  PolicyCheck,
  PolicyVersion,
  Preview,
  Reference,
  School,
  SessionResponse,
  SimParameters,
  SimulationRequest,
  SimulationResult,
  Statistics,
  Candidate,
  HiringAction,
  MarketProfile,
  MarketProfileInput,
  Position,
  PositionApplication,
  PositionInput,
  RankedPosition,
  Talent,
  TalentFlow,
  User,
  VerifyResult,
} from './types'

export interface TalentRegistration {
  username: string
  password: string
  name: string
  document_kind: 'resident_id' | 'passport'
  document_number: string
  nationality: string
}

export const api = {
  reference: () => http.get<Reference>('/api/v1/reference'),

  login: (username: string, password: string) =>
    http.post<LoginResponse>('/api/v1/auth/login', { username, password }, { quiet401: true }),
  session: () => http.get<SessionResponse>('/api/v1/auth/session', undefined, { quiet401: true }),
  logout: () => http.post<void>('/api/v1/auth/logout', {}, { quiet401: true }),
  registerTalent: (r: TalentRegistration) =>
    http.post<Pick<User, 'user_id' | 'username' | 'role'>>('/api/v1/auth/register/talent', r),

  employers: () => http.get<Items<Employer>>('/api/v1/employers'),
  employer: (id: number) => http.get<Employer>(`/api/v1/employers/${id}`),

  talents: () => http.get<Items<Talent>>('/api/v1/talents'),
  talent: (id: number) => http.get<Talent>(`/api/v1/talents/${id}`),
  updateTalent: (id: number, patch: { name?: string; employer_id?: number | null; dossier?: Dossier }) =>
    http.patch<Talent>(`/api/v1/talents/${id}`, patch),
  preview: (id: number) => http.get<Preview>(`/api/v1/talents/${id}/preview`),

  applications: (q: { state?: string; talent_id?: number; employer_id?: number; limit?: number; after?: number } = {}) =>
    http.get<Items<ApplicationSummary>>('/api/v1/applications', q),
  application: (id: number) => http.get<Application>(`/api/v1/applications/${id}`),
  createApplication: (employer_id?: number | null) =>
    http.post<Application>('/api/v1/applications', employer_id ? { employer_id } : {}),
  act: (id: number, action: AppAction, body: { reason?: string; revision?: number } = {}) =>
    http.post<Application>(`/api/v1/applications/${id}/actions/${action}`, body),
  card: (id: number) => http.get<CardInfo>(`/api/v1/applications/${id}/card`),
  /** The card's QR code as a PNG (the session cookie authorises it: usable as an img src or a link). */
  cardPngUrl: (id: number) => `/api/v1/applications/${id}/card.png`,
  verifyCard: (text: string) => http.post<VerifyResult>('/api/v1/cards/verify', { text }),

  policies: () => http.get<Items<PolicyVersion>>('/api/v1/policies'),
  policy: (id: number) => http.get<PolicyVersion>(`/api/v1/policies/${id}`),
  checkPolicy: (text: string) => http.post<PolicyCheck>('/api/v1/policies/check', { text }),
  uploadPolicy: (text: string, effective_from?: string) =>
    http.post<PolicyVersion>('/api/v1/policies', effective_from ? { text, effective_from } : { text }),

  claims: (
    q: { entitlement?: string; state?: string; application_id?: number; open?: boolean; overdue?: boolean; limit?: number; after?: number } = {},
  ) => http.get<Items<Claim>>('/api/v1/claims', { ...q, open: q.open ? 'true' : undefined, overdue: q.overdue ? 'true' : undefined }),
  claim: (id: number) => http.get<Claim>(`/api/v1/claims/${id}`),
  /** `child` is the 1-based child index, for school_choice only. */
  openClaim: (entitlement: string, child?: number | null) =>
    http.post<Claim>('/api/v1/claims', child ? { entitlement, child } : { entitlement }),
  actOnClaim: (id: number, action: string, body: ClaimActionBody = {}) =>
    http.post<Claim>(`/api/v1/claims/${id}/actions/${action}`, body),
  recordPayment: (id: number, body: { month: string; amount_fen?: number; paid_on?: string }) =>
    http.post<AllowanceMonth>(`/api/v1/claims/${id}/payments`, body),
  allowancesDue: (month?: string) => http.get<AllowancesDue>('/api/v1/allowances/due', { month }),
  /** Public: a letter by the number printed on it (its body in the UI's language). */
  letter: (number: string) => http.get<Letter>(`/api/v1/letters/${encodeURIComponent(number)}`),

  flats: () => http.get<Items<Flat>>('/api/v1/flats'),
  addFlat: (f: NewFlat) => http.post<Flat>('/api/v1/flats', f),
  retireFlat: (id: number) => http.post<Flat>(`/api/v1/flats/${id}/retire`, {}),

  schools: (stage?: string) => http.get<Items<School>>('/api/v1/schools', { stage }),
  addSchool: (s: NewSchool) => http.post<School>('/api/v1/schools', s),
  updateSchool: (id: number, patch: Partial<Pick<School, 'name' | 'city' | 'capacity' | 'priority'>>) =>
    http.patch<School>(`/api/v1/schools/${id}`, patch),
  runPlacement: () => http.post<PlacementRun>('/api/v1/placements', {}),
  latestPlacement: () => http.get<PlacementRun>('/api/v1/placements/latest'),

  simulatorParameters: (q: { policy_id?: number; as_of?: string } = {}) => http.get<SimParameters>('/api/v1/simulator/parameters', q),
  simulate: (r: SimulationRequest) => http.post<SimulationResult>('/api/v1/simulations', r),
  /** The reform as a policy file (TOML text), to download or upload as a new version. */
  reformFile: (r: { policy_id?: number; set: Record<string, string>; version?: string }) =>
    http.post<string>('/api/v1/simulations/reform', r),

  statistics: () => http.get<Statistics>('/api/v1/statistics'),
  /** Plain GET downloads (the session cookie authorises them). */
  statisticsCsvUrl: '/api/v1/statistics.csv',
  statisticsXlsxUrl: '/api/v1/statistics.xlsx',

  /** Public: published articles, newest first; `before` is the last id seen (the next page). */
  news: (q: { category?: NewsCategory; lang?: NewsLang; limit?: number; before?: number } = {}) =>
    http.get<Items<NewsSummary>>('/api/v1/news', q),
  /** Public: one published article with its Markdown and the server's safe HTML. */
  newsArticle: (id: number) => http.get<NewsArticle>(`/api/v1/news/${id}`),
  publishNews: (d: NewsDraft) => http.post<NewsArticle>('/api/v1/news', d),
  editNews: (id: number, d: NewsDraft) => http.put<NewsArticle>(`/api/v1/news/${id}`, d),
  withdrawNews: (id: number) => http.post<NewsArticle>(`/api/v1/news/${id}/withdraw`, {}),
  /** The Markdown as the site will show it; stores nothing. */
  previewNews: (body: string) => http.post<NewsPreview>('/api/v1/news/preview', { body }),
  /** The Atom feed of the published articles (a plain link). */
  newsFeedUrl: '/api/v1/news.atom',

  /** Public: open positions, newest first, filtered (lib/market.ts `positionQuery` builds `q`); `before` is the last id seen. */
  positions: (q: Query = {}) => http.get<Items<Position>>('/api/v1/positions', q),
  /** Public: one position, open or closed. */
  position: (id: number) => http.get<Position>(`/api/v1/positions/${id}`),
  postPosition: (p: PositionInput) => http.post<Position>('/api/v1/positions', p),
  editPosition: (id: number, p: PositionInput) => http.put<Position>(`/api/v1/positions/${id}`, p),
  closePosition: (id: number) => http.post<Position>(`/api/v1/positions/${id}/close`, {}),
  /** An employer's own positions, open and closed, with their applications counted by stage. */
  employerPositions: (employerId: number) => http.get<Items<Position>>(`/api/v1/employers/${employerId}/positions`),
  /** A position's applications, best match first (its employer). */
  positionApplications: (id: number) => http.get<Items<PositionApplication>>(`/api/v1/positions/${id}/applications`),
  /** Talents ranked for a position, best first (its employer). */
  positionCandidates: (id: number, limit?: number) => http.get<Items<Candidate>>(`/api/v1/positions/${id}/candidates`, { limit }),
  applyToPosition: (id: number, cover_note: string) =>
    http.post<PositionApplication>(`/api/v1/positions/${id}/applications`, cover_note ? { cover_note } : {}),
  /** The calling talent's applications to positions, newest first. */
  myPositionApplications: () => http.get<Items<PositionApplication>>('/api/v1/position-applications'),
  actOnPositionApplication: (id: number, action: HiringAction, reason?: string) =>
    http.post<PositionApplication>(`/api/v1/position-applications/${id}/actions/${action}`, reason ? { reason } : {}),
  marketProfile: () => http.get<MarketProfile>('/api/v1/market/profile'),
  saveMarketProfile: (p: MarketProfileInput) => http.put<MarketProfile>('/api/v1/market/profile', p),
  /** Open positions ranked for the calling talent, best first. */
  marketMatches: (limit?: number) => http.get<Items<RankedPosition>>('/api/v1/market/matches', { limit }),
  /** The Atom feed of open positions (a plain link; the list's filters apply). */
  positionsFeedUrl: '/api/v1/positions.atom',

  /** Talent flows, newest first: the office's all (or of one talent or employer), an employer's from or to it, a talent's own; `before` is the last id seen. */
  flows: (q: { talent_id?: number; employer_id?: number; limit?: number; before?: number } = {}) => http.get<Items<TalentFlow>>('/api/v1/flows', q),
  recordFlow: (f: FlowInput) => http.post<TalentFlow>('/api/v1/flows', f),
  /** The office: flows by sectors, in and out of the system, and the business leaves by state. */
  flowSummary: () => http.get<FlowSummary>('/api/v1/flows/summary'),
  /** Cadres' business leaves, oldest first (paged with `after`): the office's all, an employer's own cadres', a talent's own. */
  businessLeaves: (q: { state?: LeaveState | ''; overdue?: boolean; employer_id?: number; talent_id?: number; limit?: number; after?: number } = {}) =>
    http.get<Items<BusinessLeave>>('/api/v1/business-leaves', { ...q, state: q.state || undefined, overdue: q.overdue ? 'true' : undefined }),
  grantBusinessLeave: (l: LeaveInput) => http.post<BusinessLeave>('/api/v1/business-leaves', l),
  /** return: back at the post; stay: the cadre leaves the post for the business (a flow out of the system). */
  endBusinessLeave: (id: number, action: 'return' | 'stay', body: { on: string; note?: string }) =>
    http.post<BusinessLeave>(`/api/v1/business-leaves/${id}/actions/${action}`, body),

  audit: (q: { after?: number; limit?: number } = {}) => http.get<Items<AuditRecord>>('/api/v1/audit', q),
  auditVerify: () => http.get<AuditVerify>('/api/v1/audit/verify'),
}
