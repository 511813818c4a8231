import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, errorFromResponse, fieldToProp, mapErrorToForm, messageOf, problemCode } from '@/api/problem'
import { buildHeaders, buildUrl, request, setCsrfToken, setFetch, setLanguage, setUnauthenticatedHandler } from '@/api/client'

function problemResponse(status: number, body: object): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } })
}
function json(status: number, body: object): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

const invalidRank = {
  type: 'urn:jincai:problem:invalid-field',
  title: 'Invalid Field',
  status: 422,
  detail: "dossier: field 'awards[1].rank': 5 is above the maximum 3",
  field: 'dossier.awards[1].rank',
  instance: '/api/v1/talents/24',
}

describe('problems', () => {
  it('keeps the stable code of a type', () => {
    expect(problemCode('urn:jincai:problem:invalid-field')).toBe('invalid-field')
    expect(problemCode('about:blank')).toBe('about:blank')
    expect(problemCode(undefined)).toBe('unknown')
  })

  it('reads a problem+json body with its field', async () => {
    const e = await errorFromResponse(problemResponse(422, invalidRank))
    expect(e).toBeInstanceOf(ApiError)
    expect(e.status).toBe(422)
    expect(e.code).toBe('invalid-field')
    expect(e.field).toBe('dossier.awards[1].rank')
    expect(e.message).toBe(invalidRank.detail)
  })

  it('makes a problem of a body that is not JSON', async () => {
    const e = await errorFromResponse(new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }))
    expect(e.status).toBe(502)
    expect(e.code).toBe('http-502')
    expect(e.field).toBeUndefined()
  })

  it('turns field paths into form props', () => {
    expect(fieldToProp('dossier.awards[1].rank', 'dossier.')).toBe('awards.1.rank')
    expect(fieldToProp('dossier.birth_date', 'dossier.')).toBe('birth_date')
    expect(fieldToProp('employer.credit_code')).toBe('employer.credit_code')
    expect(fieldToProp('document_number', 'dossier.')).toBeNull()
  })

  it('puts a field error next to its field', () => {
    const e = new ApiError(invalidRank)
    const m = mapErrorToForm(e, { prefix: 'dossier.', known: ['awards.1.rank', 'awards.1', 'awards'] })
    expect(m).toEqual({ fields: { 'awards.1.rank': invalidRank.detail }, general: null })
  })

  it('falls back to the nearest known ancestor, then to the whole form', () => {
    const e = new ApiError({ ...invalidRank, field: 'dossier.spouse.employed' })
    expect(mapErrorToForm(e, { prefix: 'dossier.', known: ['spouse'] }).fields).toEqual({ spouse: invalidRank.detail })
    const unknown = new ApiError({ ...invalidRank, field: 'dossier.foo' })
    expect(mapErrorToForm(unknown, { prefix: 'dossier.', known: ['birth_date'] })).toEqual({ fields: {}, general: invalidRank.detail })
  })

  it('applies aliases for fields outside the prefix', () => {
    const e = new ApiError({ ...invalidRank, field: 'employer_id', detail: 'no such employer' })
    const m = mapErrorToForm(e, { prefix: 'dossier.', aliases: { employer_id: 'dossier.employer' }, known: ['employer'] })
    expect(m.fields).toEqual({ employer: 'no such employer' })
  })

  it('gives errors without a field to the whole form', () => {
    const e = new ApiError({ type: 'urn:jincai:problem:conflict', title: 'Conflict', status: 409, detail: 'taken' })
    expect(mapErrorToForm(e)).toEqual({ fields: {}, general: 'taken' })
    expect(mapErrorToForm(new Error('boom'))).toEqual({ fields: {}, general: 'boom' })
    expect(messageOf('x', 'fallback')).toBe('fallback')
  })

  it('puts a 404 without a field next to the number that named nothing, when told where', () => {
    const missing = new ApiError({ type: 'urn:jincai:problem:not-found', title: 'Not Found', status: 404, detail: 'no talent 999999' })
    expect(mapErrorToForm(missing, { notFound: 'talent_id' })).toEqual({ fields: { talent_id: 'no talent 999999' }, general: null })
    expect(mapErrorToForm(missing)).toEqual({ fields: {}, general: 'no talent 999999' })
    const conflict = new ApiError({ type: 'urn:jincai:problem:conflict', title: 'Conflict', status: 409, detail: 'on leave' })
    expect(mapErrorToForm(conflict, { notFound: 'talent_id' })).toEqual({ fields: {}, general: 'on leave' })
    const named = new ApiError({ ...invalidRank, status: 404, field: 'employer_id', detail: 'no employer 7' })
    expect(mapErrorToForm(named, { known: ['talent_id'], notFound: 'talent_id' })).toEqual({ fields: {}, general: 'no employer 7' })
  })
})

describe('the HTTP client', () => {
  let calls: { url: string; init: RequestInit }[] = []
  let answers: Response[] = []
  beforeEach(() => {
    calls = []
    answers = []
    setFetch((async (url: string, init: RequestInit) => {
      calls.push({ url, init })
      const a = answers.shift()
      if (!a) throw new TypeError('Failed to fetch')
      return a
    }) as unknown as typeof fetch)
    setCsrfToken(null)
    setLanguage('zh-CN')
    setUnauthenticatedHandler(null)
  })
  afterEach(() => setFetch((...a) => globalThis.fetch(...a)))

  it('builds URLs with only the query values given', () => {
    expect(buildUrl('/api/v1/applications', { state: 'evaluated', limit: 50, after: undefined, talent_id: null })).toBe(
      '/api/v1/applications?state=evaluated&limit=50',
    )
    expect(buildUrl('applications')).toBe('/api/v1/applications')
  })

  it('sends the CSRF token on unsafe methods only, and the UI language', () => {
    setCsrfToken('tok')
    setLanguage('en')
    expect(buildHeaders('GET', false)['X-CSRF-Token']).toBeUndefined()
    expect(buildHeaders('GET', false)['Accept-Language']).toBe('en')
    for (const m of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) expect(buildHeaders(m, true)['X-CSRF-Token']).toBe('tok')
    expect(buildHeaders('POST', true)['Content-Type']).toBe('application/json')
  })

  it('uses the cookie session and JSON bodies', async () => {
    setCsrfToken('tok')
    answers.push(json(200, { id: 3 }))
    const r = await request<{ id: number }>('PATCH', '/api/v1/talents/3', { body: { dossier: {} } })
    expect(r).toEqual({ id: 3 })
    expect(calls[0].init.credentials).toBe('same-origin')
    expect(calls[0].init.method).toBe('PATCH')
    expect(calls[0].init.body).toBe('{"dossier":{}}')
    expect((calls[0].init.headers as Record<string, string>)['X-CSRF-Token']).toBe('tok')
  })

  it('answers 204 with nothing', async () => {
    answers.push(new Response(null, { status: 204 }))
    expect(await request('POST', '/api/v1/auth/logout', { body: {} })).toBeUndefined()
  })

  it('throws the problem with its field', async () => {
    answers.push(problemResponse(422, invalidRank))
    const err = (await request('PATCH', '/api/v1/talents/24', { body: {} }).catch((e: unknown) => e)) as ApiError
    expect(err).toBeInstanceOf(ApiError)
    expect(err.field).toBe('dossier.awards[1].rank')
  })

  it('fetches the CSRF token again after a csrf refusal and retries once', async () => {
    setCsrfToken('stale')
    answers.push(
      problemResponse(403, { type: 'urn:jincai:problem:csrf', title: 'CSRF Token Missing', status: 403 }),
      json(200, { csrf_token: 'fresh', user: { user_id: 1 } }),
      json(200, { ok: true }),
    )
    expect(await request('POST', '/api/v1/policies/check', { body: { text: '' } })).toEqual({ ok: true })
    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([
      'POST /api/v1/policies/check',
      'GET /api/v1/auth/session',
      'POST /api/v1/policies/check',
    ])
    expect((calls[2].init.headers as Record<string, string>)['X-CSRF-Token']).toBe('fresh')
  })

  it('reports a 401 as the end of the session, except when told not to', async () => {
    const onEnd = vi.fn()
    setUnauthenticatedHandler(onEnd)
    const unauth = () => problemResponse(401, { type: 'urn:jincai:problem:unauthenticated', title: 'Unauthenticated', status: 401 })
    answers.push(unauth())
    await request('GET', '/api/v1/talents/1').catch(() => undefined)
    expect(onEnd).toHaveBeenCalledTimes(1)
    answers.push(unauth())
    await request('POST', '/api/v1/auth/login', { body: {}, quiet401: true }).catch(() => undefined)
    expect(onEnd).toHaveBeenCalledTimes(1)
  })

  it('turns a failed connection into a network problem', async () => {
    const err = (await request('GET', '/api/v1/reference').catch((e: unknown) => e)) as ApiError
    expect(err).toBeInstanceOf(ApiError)
    expect(err.code).toBe('network')
    expect(err.status).toBe(0)
  })
})
