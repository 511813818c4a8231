// Problems (RFC 9457) from the Jincai API, and how the UI maps them onto forms.
// Every error is `application/problem+json` with a stable `type`
// (urn:jincai:problem:...) and, for a bad field, `field` naming it
// (`document_number`, `dossier.awards[1].rank`).

export interface Problem {
  type: string
  title: string
  status: number
  detail?: string
  instance?: string
  field?: string
  [extra: string]: unknown
}

const URN = 'urn:jincai:problem:'

/** The short, stable code of a problem type: `invalid-field`, `conflict`, ... */
export function problemCode(type: string | undefined): string {
  if (!type) return 'unknown'
  return type.startsWith(URN) ? type.slice(URN.length) : type
}

/** An error answered by the API (or the network failing to reach it). */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly problem: Problem
  constructor(problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`)
    this.name = 'ApiError'
    this.problem = problem
    this.status = problem.status
    this.code = problemCode(problem.type)
  }
  /** The request field the problem names, if any (`dossier.birth_date`). */
  get field(): string | undefined {
    return typeof this.problem.field === 'string' && this.problem.field ? this.problem.field : undefined
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}

/** Builds the ApiError of a failed response, whatever its body is. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  let body: unknown = null
  const text = await res.text().catch(() => '')
  if (text) {
    try {
      body = JSON.parse(text)
    } catch {
      body = null
    }
  }
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const b = body as Record<string, unknown>
    return new ApiError({
      ...b,
      type: typeof b.type === 'string' ? b.type : `${URN}http-${res.status}`,
      title: typeof b.title === 'string' ? b.title : res.statusText || `HTTP ${res.status}`,
      status: typeof b.status === 'number' ? b.status : res.status,
    })
  }
  return new ApiError({
    type: `${URN}http-${res.status}`,
    title: res.statusText || `HTTP ${res.status}`,
    status: res.status,
    detail: text.slice(0, 300) || undefined,
  })
}

/** The error of a request that got no answer at all. */
export function networkError(cause: unknown): ApiError {
  return new ApiError({
    type: `${URN}network`,
    title: 'Network error',
    status: 0,
    detail: cause instanceof Error ? cause.message : String(cause),
  })
}

/**
 * The form property (Element Plus `prop` path, dots only) of a problem's `field`:
 * `dossier.awards[1].rank` with prefix `dossier.` is `awards.1.rank`. Returns null
 * when the field lies outside the prefix.
 */
export function fieldToProp(field: string, prefix = ''): string | null {
  if (prefix) {
    if (!field.startsWith(prefix)) return null
    field = field.slice(prefix.length)
  }
  const prop = field.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '')
  return prop || null
}

export interface MappedErrors {
  /** Messages by form property, to show next to the field. */
  fields: Record<string, string>
  /** A message for the whole form, when no field of it is named. */
  general: string | null
}

export interface MapOptions {
  /** Prefix of the API's field names that the form's props omit (`dossier.`). */
  prefix?: string
  /** The form's props; a named field not among them (nor under one) goes to `general`. */
  known?: readonly string[]
  /** Renames of API fields to form props applied before the prefix (`employer_id` → `employer`). */
  aliases?: Record<string, string>
  /** Message when the error is not an ApiError or has no detail. */
  fallback?: string
  /** The prop a 404 naming no field is shown at: the record a number typed there names
   *  none (or none the user may see). */
  notFound?: string
}

/** The nearest known prop for a prop path: itself, or the closest ancestor known. */
function nearestKnown(prop: string, known: readonly string[] | undefined): string | null {
  if (!known) return prop
  let p = prop
  for (;;) {
    if (known.includes(p)) return p
    const cut = p.lastIndexOf('.')
    if (cut < 0) return null
    p = p.slice(0, cut)
  }
}

/** Maps an error onto a form: the message next to the field it names, or for the whole form. */
export function mapErrorToForm(err: unknown, opts: MapOptions = {}): MappedErrors {
  const message = messageOf(err, opts.fallback)
  if (isApiError(err) && err.field) {
    let field = err.field
    for (const [from, to] of Object.entries(opts.aliases ?? {})) {
      if (field === from || field.startsWith(from + '.') || field.startsWith(from + '[')) {
        field = to + field.slice(from.length)
        break
      }
    }
    const prop = fieldToProp(field, opts.prefix)
    const target = prop === null ? null : nearestKnown(prop, opts.known)
    if (target !== null) return { fields: { [target]: message }, general: null }
  } else if (opts.notFound && isApiError(err) && err.status === 404) {
    return { fields: { [opts.notFound]: message }, general: null }
  }
  return { fields: {}, general: message }
}

/** A person-readable message of any error. */
export function messageOf(err: unknown, fallback = 'Error'): string {
  if (isApiError(err)) return err.problem.detail || err.problem.title || fallback
  if (err instanceof Error && err.message) return err.message
  return fallback
}
