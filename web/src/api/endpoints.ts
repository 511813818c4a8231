// The API calls the UI makes, one function each (docs/api.md, src/http/routes.cpp).
import { http } from './client'
import type {
  AppAction,
  Application,
  ApplicationSummary,
  AuditRecord,
  AuditVerify,
  CardInfo,
  Dossier,
  Employer,
  Items,
  LoginResponse,
  PolicyCheck,
  PolicyVersion,
  Preview,
  Reference,
  SessionResponse,
  Talent,
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

  audit: (q: { after?: number; limit?: number } = {}) => http.get<Items<AuditRecord>>('/api/v1/audit', q),
  auditVerify: () => http.get<AuditVerify>('/api/v1/audit/verify'),
}
