// The HTTP client of the UI: fetch with the cookie session (credentials
// 'same-origin'), X-CSRF-Token on unsafe methods, Accept-Language following the UI
// language, and every failure as an ApiError carrying the problem (and its `field`).
import { ApiError, errorFromResponse, networkError } from './problem'

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
const UNSAFE: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export const API_BASE = '/api/v1'

interface ClientState {
  csrfToken: string | null
  language: string
  /** Called when a request other than login answers 401: the session is gone. */
  onUnauthenticated: (() => void) | null
  fetch: typeof fetch
}

const state: ClientState = {
  csrfToken: null,
  language: 'zh-CN',
  onUnauthenticated: null,
  fetch: (...args) => globalThis.fetch(...args),
}

export function setCsrfToken(token: string | null): void {
  state.csrfToken = token
}
export function getCsrfToken(): string | null {
  return state.csrfToken
}
export function setLanguage(lang: string): void {
  state.language = lang
}
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  state.onUnauthenticated = handler
}
/** For tests: replace fetch. */
export function setFetch(f: typeof fetch): void {
  state.fetch = f
}

export type Query = Record<string, string | number | boolean | null | undefined>

export function buildUrl(path: string, query?: Query): string {
  const url = path.startsWith('/') ? path : `${API_BASE}/${path}`
  if (!query) return url
  const qs = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v))
  const s = qs.toString()
  return s ? `${url}?${s}` : url
}

export function buildHeaders(method: Method, hasBody: boolean): Record<string, string> {
  const h: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': state.language,
  }
  if (hasBody) h['Content-Type'] = 'application/json'
  if (UNSAFE.has(method) && state.csrfToken) h['X-CSRF-Token'] = state.csrfToken
  return h
}

export interface RequestOptions {
  body?: unknown
  query?: Query
  /** Do not report a 401 to the unauthenticated handler (login, session probe). */
  quiet401?: boolean
}

async function send(method: Method, url: string, opts: RequestOptions): Promise<Response> {
  const hasBody = opts.body !== undefined
  try {
    return await state.fetch(url, {
      method,
      credentials: 'same-origin',
      headers: buildHeaders(method, hasBody),
      body: hasBody ? JSON.stringify(opts.body) : undefined,
    })
  } catch (e) {
    throw networkError(e)
  }
}

/** Fetches the CSRF token of the current cookie session again (after a reload, or a csrf refusal). */
export async function refreshCsrfToken(): Promise<string | null> {
  const res = await send('GET', buildUrl(`${API_BASE}/auth/session`), {})
  if (!res.ok) return null
  const body = (await res.json()) as { csrf_token?: string }
  state.csrfToken = body.csrf_token ?? null
  return state.csrfToken
}

export async function request<T>(method: Method, path: string, opts: RequestOptions = {}): Promise<T> {
  const url = buildUrl(path, opts.query)
  let res = await send(method, url, opts)
  if (!res.ok) {
    let err = await errorFromResponse(res)
    // A missing or stale CSRF token (a reload, another tab logged in again): fetch
    // the session's token and try once more.
    if (err.code === 'csrf' && UNSAFE.has(method)) {
      const token = await refreshCsrfToken().catch(() => null)
      if (token) {
        res = await send(method, url, opts)
        if (res.ok) return parseBody<T>(res)
        err = await errorFromResponse(res)
      }
    }
    if (err.status === 401 && !opts.quiet401) state.onUnauthenticated?.()
    throw err
  }
  return parseBody<T>(res)
}

async function parseBody<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T
  const text = await res.text()
  if (!text) return undefined as T
  const type = res.headers.get('Content-Type') || ''
  if (type.includes('json')) return JSON.parse(text) as T
  return text as unknown as T
}

export const http = {
  get: <T>(path: string, query?: Query, opts: RequestOptions = {}) => request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body: unknown = {}, opts: RequestOptions = {}) => request<T>('POST', path, { ...opts, body }),
  put: <T>(path: string, body: unknown, opts: RequestOptions = {}) => request<T>('PUT', path, { ...opts, body }),
  patch: <T>(path: string, body: unknown, opts: RequestOptions = {}) => request<T>('PATCH', path, { ...opts, body }),
}

export { ApiError }
