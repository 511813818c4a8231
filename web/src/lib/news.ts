// News without I/O: the public list read page by page, dates in the office's time
// zone, the editor's checks (as the server makes them), links inside an article that
// stay on the site, and the preview's debounce that keeps only the latest answer.
import type { NewsCategory, NewsLang, NewsSummary } from '@/api/types'
import type { Verdict } from './dossier'
import type { Clock } from './simulator'

export const NEWS_CATEGORIES: readonly NewsCategory[] = ['recruitment', 'policy']
export const NEWS_LANGS: readonly NewsLang[] = ['zh-CN', 'en']
/** The server's limits (src/service/news.cpp): a title of 1 to 200 bytes, a text of 1 byte to 100 KB. */
export const TITLE_MAX_BYTES = 200
export const BODY_MAX_BYTES = 100_000

// --- pages -----------------------------------------------------------------------------------

export interface PageQuery {
  limit: number
  before?: number
}

/**
 * A list read with ?limit=&before=ID (newest first; `before` is the last id shown).
 * Each page asks for one article more than it shows, so "more" is offered only when
 * there is more; a page that comes back after the list was reset (another filter
 * chosen meanwhile) is dropped. Wrap it in `reactive()` to show it.
 */
export class NewsPager<T extends { id: number } = NewsSummary> {
  items: T[] = []
  more = false
  loading = false
  private seq = 0

  constructor(
    private readonly fetchPage: (q: PageQuery) => Promise<{ items: T[] }>,
    readonly pageSize: number,
  ) {}

  /** The first page again (a filter changed, or an article was added or withdrawn). */
  reset(): Promise<void> {
    return this.load(false)
  }

  /** The page after the last article shown. */
  next(): Promise<void> {
    return this.load(true)
  }

  private async load(append: boolean): Promise<void> {
    const mine = ++this.seq
    const before = append && this.items.length ? this.items[this.items.length - 1].id : undefined
    if (!append) this.more = false
    this.loading = true
    try {
      const r = await this.fetchPage(before === undefined ? { limit: this.pageSize + 1 } : { limit: this.pageSize + 1, before })
      if (mine !== this.seq) return
      const page = r.items.slice(0, this.pageSize)
      this.more = r.items.length > this.pageSize
      this.items = append ? mergeById(this.items, page) : page
    } catch (e) {
      if (mine === this.seq) throw e
    } finally {
      if (mine === this.seq) this.loading = false
    }
  }
}

/** `shown` followed by the articles of `page` not among them. */
export function mergeById<T extends { id: number }>(shown: readonly T[], page: readonly T[]): T[] {
  const seen = new Set(shown.map((a) => a.id))
  return [...shown, ...page.filter((a) => !seen.has(a.id))]
}

// --- dates -----------------------------------------------------------------------------------

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** The day (YYYY-MM-DD) of a UTC timestamp in China's time zone (UTC+8, no daylight saving), where the office is. */
export function newsDay(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}

/** A publication date in words: "2026年11月28日", "28 Nov 2026"; the text as it came when it is not a date. */
export function formatNewsDate(iso: string | null | undefined, locale: string): string {
  const day = newsDay(iso)
  if (!day) return iso ?? ''
  const [y, m, d] = day.split('-').map(Number)
  return locale === 'en' ? `${d} ${MONTHS_EN[m - 1]} ${y}` : `${y}年${m}月${d}日`
}

/** Whether the article was changed on a later day than it was published. */
export function editedLater(a: Pick<NewsSummary, 'published_at' | 'updated_at'>): boolean {
  const p = newsDay(a.published_at)
  const u = newsDay(a.updated_at)
  return !!p && !!u && u > p
}

// --- words -----------------------------------------------------------------------------------

/** The i18n key of a language's name (`news.langs.zh`, `news.langs.en`). */
export function langKey(lang: string): string {
  return lang === 'en' ? 'news.langs.en' : 'news.langs.zh'
}

/** The i18n key of a category's name; unknown categories read as policy. */
export function categoryKey(category: string): string {
  return category === 'recruitment' ? 'news.categories.recruitment' : 'news.categories.policy'
}

// --- the editor's checks ---------------------------------------------------------------------

const encoder = new TextEncoder()
export function utf8Bytes(s: string): number {
  return encoder.encode(s).length
}

export function checkNewsTitle(v: unknown): Verdict {
  const s = typeof v === 'string' ? v.trim() : ''
  if (!s) return { key: 'required' }
  if (utf8Bytes(s) > TITLE_MAX_BYTES) return { key: 'newsTitle', params: { max: TITLE_MAX_BYTES } }
  return null
}

export function checkNewsBody(v: unknown): Verdict {
  const s = typeof v === 'string' ? v : ''
  if (!s.trim()) return { key: 'required' }
  if (utf8Bytes(s) > BODY_MAX_BYTES) return { key: 'newsBody' }
  return null
}

// --- links inside an article -----------------------------------------------------------------

/**
 * The route to follow inside the UI for a link of an article, or null when the
 * browser should follow it itself: another site, mail, the API (the feed), a file.
 */
export function internalPath(href: string | null | undefined): string | null {
  if (!href || !href.startsWith('/') || href.startsWith('//') || href.startsWith('/\\')) return null
  if (/^\/(api|healthz|metrics)(\/|$|\?|#)/.test(href)) return null
  const path = href.split(/[?#]/)[0]
  if (/\.[A-Za-z0-9]+$/.test(path)) return null
  return href
}

// --- the preview: debounced, the latest answer only ------------------------------------------

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
}

export interface DebouncedLatest<A> {
  /** A new value: sent once it has not changed for `wait` ms. */
  schedule: (arg: A) => void
  /** Send the value scheduled now, without waiting. */
  flush: () => void
  /** Forget the value waiting and any answer on its way (the text was emptied). */
  discard: () => void
  /** Stop for good: nothing scheduled is sent, and no answer still on its way is applied. */
  cancel: () => void
  /** A value is waiting to be sent. */
  readonly pending: boolean
}

/**
 * Calls `fetch` with the latest value once typing has paused for `wait` ms, and
 * applies an answer only if no later value was sent meanwhile (answers may come
 * back out of order).
 */
export function debouncedLatest<A, R>(
  fetch: (arg: A) => Promise<R>,
  handlers: { result: (r: R, arg: A) => void; error?: (e: unknown, arg: A) => void; start?: (arg: A) => void },
  wait = 300,
  clock: Clock = realClock,
): DebouncedLatest<A> {
  let timer: unknown = null
  let latest: { arg: A } | null = null
  let sent = 0
  let stopped = false

  function send() {
    if (timer !== null) clock.clearTimeout(timer)
    timer = null
    if (!latest || stopped) return
    const { arg } = latest
    latest = null
    const mine = ++sent
    handlers.start?.(arg)
    Promise.resolve()
      .then(() => fetch(arg))
      .then(
        (r) => {
          if (mine === sent && !stopped) handlers.result(r, arg)
        },
        (e) => {
          if (mine === sent && !stopped) handlers.error?.(e, arg)
        },
      )
  }

  return {
    schedule(arg: A) {
      if (stopped) return
      latest = { arg }
      if (timer !== null) clock.clearTimeout(timer)
      timer = clock.setTimeout(send, wait)
    },
    flush: send,
    discard() {
      if (timer !== null) clock.clearTimeout(timer)
      timer = null
      latest = null
      sent++
    },
    cancel() {
      stopped = true
      if (timer !== null) clock.clearTimeout(timer)
      timer = null
      latest = null
    },
    get pending() {
      return latest !== null
    },
  }
}
