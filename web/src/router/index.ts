// Routes, each page its own chunk; `meta.roles` guards a route by the user's role.
import { createRouter, createWebHistory } from 'vue-router'
import type { Role } from '@/api/types'
import { useSession } from '@/stores/session'
import { guard } from './guard'

export { homeOf } from './guard'

declare module 'vue-router' {
  interface RouteMeta {
    /** Roles that may open the page; absent: anyone. */
    roles?: Role[]
    /** Only for visitors (login, register): a signed-in user goes to their home page. */
    guestOnly?: boolean
    /** i18n key of the page title. */
    title?: string
  }
}

const workflowReaders: Role[] = ['talent', 'employer_admin', 'employer_staff', 'officer', 'admin']

export const routes = [
  { path: '/', name: 'home', component: () => import('@/views/HomeView.vue'), meta: { title: 'nav.home' } },
  { path: '/login', name: 'login', component: () => import('@/views/LoginView.vue'), meta: { guestOnly: true, title: 'login.title' } },
  {
    path: '/register',
    name: 'register',
    component: () => import('@/views/RegisterView.vue'),
    meta: { guestOnly: true, title: 'register.title' },
  },
  {
    path: '/talent/dossier',
    name: 'dossier',
    component: () => import('@/views/talent/DossierView.vue'),
    meta: { roles: ['talent'] as Role[], title: 'dossier.title' },
  },
  {
    path: '/talent/applications',
    name: 'my-applications',
    component: () => import('@/views/talent/MyApplicationsView.vue'),
    meta: { roles: ['talent'] as Role[], title: 'applications.title' },
  },
  {
    path: '/talent/card',
    name: 'my-card',
    component: () => import('@/views/talent/MyCardView.vue'),
    meta: { roles: ['talent'] as Role[], title: 'card.title' },
  },
  {
    path: '/talent/entitlements',
    name: 'my-entitlements',
    component: () => import('@/views/talent/MyEntitlementsView.vue'),
    meta: { roles: ['talent'] as Role[], title: 'claims.title' },
  },
  {
    path: '/claims/:id(\\d+)',
    name: 'claim',
    component: () => import('@/views/ClaimView.vue'),
    props: true,
    meta: { roles: workflowReaders, title: 'claim.title' },
  },
  {
    path: '/news/:id(\\d+)',
    name: 'news-article',
    component: () => import('@/views/NewsArticleView.vue'),
    props: true,
    meta: { title: 'news.title' },
  },
  { path: '/positions', name: 'positions', component: () => import('@/views/PositionsView.vue'), meta: { title: 'positions.title' } },
  {
    path: '/positions/:id(\\d+)',
    name: 'position',
    component: () => import('@/views/PositionView.vue'),
    props: true,
    meta: { title: 'positions.title' },
  },
  {
    path: '/talent/market',
    name: 'job-market',
    component: () => import('@/views/talent/JobMarketView.vue'),
    meta: { roles: ['talent'] as Role[], title: 'jobMarket.title' },
  },
  {
    path: '/talent/job-applications',
    name: 'my-job-applications',
    component: () => import('@/views/talent/MyJobApplicationsView.vue'),
    meta: { roles: ['talent'] as Role[], title: 'jobApplications.title' },
  },
  {
    path: '/talent/career',
    name: 'my-career',
    component: () => import('@/views/talent/MyCareerView.vue'),
    meta: { roles: ['talent'] as Role[], title: 'myCareer.title' },
  },
  {
    path: '/employer/positions',
    name: 'employer-positions',
    component: () => import('@/views/employer/EmployerPositionsView.vue'),
    meta: { roles: ['employer_admin', 'employer_staff'] as Role[], title: 'employerPositions.title' },
  },
  {
    path: '/employer/positions/:id(\\d+)',
    name: 'position-applicants',
    component: () => import('@/views/employer/ApplicantsView.vue'),
    props: true,
    meta: { roles: ['employer_admin', 'employer_staff'] as Role[], title: 'applicants.title' },
  },
  { path: '/letters', name: 'letters', component: () => import('@/views/LetterCheckView.vue'), meta: { title: 'letterCheck.title' } },
  { path: '/verify', name: 'verify', component: () => import('@/views/VerifyView.vue'), meta: { title: 'verify.title' } },
  {
    path: '/applications/:id(\\d+)',
    name: 'application',
    component: () => import('@/views/ApplicationView.vue'),
    props: true,
    meta: { roles: workflowReaders, title: 'applications.detail' },
  },
  {
    path: '/employer/applications',
    name: 'employer-queue',
    component: () => import('@/views/employer/EndorseQueueView.vue'),
    meta: { roles: ['employer_admin', 'employer_staff'] as Role[], title: 'employer.title' },
  },
  {
    path: '/employer/housing',
    name: 'employer-housing',
    component: () => import('@/views/employer/HousingView.vue'),
    meta: { roles: ['employer_admin', 'employer_staff'] as Role[], title: 'housing.title' },
  },
  {
    path: '/employer/allowances',
    name: 'employer-allowances',
    component: () => import('@/views/employer/AllowancesView.vue'),
    meta: { roles: ['employer_admin', 'employer_staff'] as Role[], title: 'allowances.title' },
  },
  {
    path: '/employer/flows',
    name: 'employer-flows',
    component: () => import('@/views/employer/EmployerFlowsView.vue'),
    meta: { roles: ['employer_admin', 'employer_staff'] as Role[], title: 'employerFlows.title' },
  },
  {
    path: '/officer/applications',
    name: 'officer-queue',
    component: () => import('@/views/officer/ReviewQueueView.vue'),
    meta: { roles: ['officer', 'admin'] as Role[], title: 'officer.title' },
  },
  {
    path: '/officer/claims',
    name: 'officer-claims',
    component: () => import('@/views/officer/ClaimsListView.vue'),
    meta: { roles: ['officer', 'admin'] as Role[], title: 'officerClaims.title' },
  },
  {
    path: '/officer/schools',
    name: 'officer-schools',
    component: () => import('@/views/officer/SchoolsView.vue'),
    meta: { roles: ['officer', 'admin'] as Role[], title: 'schools.title' },
  },
  {
    path: '/policies',
    name: 'policies',
    component: () => import('@/views/analyst/PolicyEditorView.vue'),
    meta: { roles: ['policy_analyst', 'admin'] as Role[], title: 'policy.title' },
  },
  {
    path: '/analyst/simulator',
    name: 'simulator',
    component: () => import('@/views/analyst/SimulatorView.vue'),
    meta: { roles: ['policy_analyst', 'officer', 'admin'] as Role[], title: 'simulator.title' },
  },
  {
    path: '/officer/statistics',
    name: 'officer-statistics',
    component: () => import('@/views/officer/StatisticsView.vue'),
    meta: { roles: ['officer', 'admin'] as Role[], title: 'statistics.title' },
  },
  {
    path: '/officer/flows',
    name: 'officer-flows',
    component: () => import('@/views/officer/FlowsView.vue'),
    meta: { roles: ['officer', 'admin'] as Role[], title: 'flows.title' },
  },
  {
    path: '/officer/news',
    name: 'officer-news',
    component: () => import('@/views/officer/NewsEditorView.vue'),
    meta: { roles: ['officer', 'admin'] as Role[], title: 'newsEditor.title' },
  },
  {
    path: '/audit',
    name: 'audit',
    component: () => import('@/views/officer/AuditView.vue'),
    meta: { roles: ['officer', 'admin'] as Role[], title: 'audit.title' },
  },
  {
    path: '/forbidden',
    name: 'forbidden',
    component: () => import('@/views/ForbiddenView.vue'),
    meta: { title: 'forbidden.title' },
  },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('@/views/NotFoundView.vue'), meta: { title: 'notFound.title' } },
]

export const router = createRouter({
  history: createWebHistory('/'),
  routes,
  // A link to a part of a page (`/#news`) scrolls to it; any other page opens at its top.
  scrollBehavior: (to) => (to.hash ? { el: to.hash, top: 100 } : { top: 0 }),
})

router.beforeEach(async (to) => {
  const session = useSession()
  await session.restore()
  return guard(to.meta, session.role, to.fullPath)
})
