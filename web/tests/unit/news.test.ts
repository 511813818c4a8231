// News without a browser: the public list read page by page (one more than shown, so
// "more" appears only when there is more; a page answered after a reset dropped),
// dates in the office's time zone, the words for categories and languages, the
// editor's checks (bytes, as the server counts them), links that stay in the UI, and
// the preview's debounce that sends the latest text once typing pauses and shows only
// the latest answer.
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import zh from '@/i18n/zh-CN'
import en from '@/i18n/en'
import type { Clock } from '@/lib/simulator'
import {
  BODY_MAX_BYTES,
  NEWS_CATEGORIES,
  NEWS_LANGS,
  NewsPager,
  categoryKey,
  checkNewsBody,
  checkNewsTitle,
  debouncedLatest,
  editedLater,
  formatNewsDate,
  internalPath,
  langKey,
  mergeById,
  newsDay,
  utf8Bytes,
  type PageQuery,
} from '@/lib/news'

const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve()
}

function fakeClock() {
  let now = 0
  let next = 1
  const timers: { id: number; at: number; fn: () => void }[] = []
  const clock: Clock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = next++
      timers.push({ id, at: now + ms, fn })
      return id
    },
    clearTimeout: (id) => {
      const i = timers.findIndex((t) => t.id === id)
      if (i >= 0) timers.splice(i, 1)
    },
  }
  const advance = async (ms: number) => {
    const until = now + ms
    for (;;) {
      const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0]
      if (!due) break
      now = due.at
      timers.splice(timers.indexOf(due), 1)
      due.fn()
      await flush()
    }
    now = until
    await flush()
  }
  return { clock, advance, pending: () => timers.length }
}

/** A server's list: ids 1..n, newest (highest) first, answering ?limit=&before= as the API does. */
function server(n: number) {
  const calls: PageQuery[] = []
  const all = Array.from({ length: n }, (_, i) => ({ id: n - i }))
  const fetchPage = async (q: PageQuery) => {
    calls.push(q)
    return { items: all.filter((a) => q.before === undefined || a.id < q.before).slice(0, q.limit) }
  }
  return { calls, fetchPage }
}

describe('the news list, page by page', () => {
  it('asks for one more than it shows, and offers more only when there is more', async () => {
    const s = server(12)
    const p = new NewsPager(s.fetchPage, 5)
    await p.reset()
    expect(p.items.map((a) => a.id)).toEqual([12, 11, 10, 9, 8])
    expect(p.more).toBe(true)
    expect(s.calls[0]).toEqual({ limit: 6 })
    await p.next()
    expect(p.items.map((a) => a.id)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3])
    expect(s.calls[1]).toEqual({ limit: 6, before: 8 })
    expect(p.more).toBe(true)
    await p.next()
    expect(p.items.map((a) => a.id)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1])
    expect(p.more).toBe(false)
    expect(p.loading).toBe(false)
  })

  it('offers no "more" when the last page is exactly full', async () => {
    const p = new NewsPager(server(5).fetchPage, 5)
    await p.reset()
    expect(p.items).toHaveLength(5)
    expect(p.more).toBe(false)
    const none = new NewsPager(server(0).fetchPage, 5)
    await none.reset()
    expect(none.items).toEqual([])
    expect(none.more).toBe(false)
  })

  it('starts again from the newest on reset (a new article comes first)', async () => {
    const s = server(7)
    const p = new NewsPager(s.fetchPage, 3)
    await p.reset()
    await p.next()
    expect(p.items).toHaveLength(6)
    await p.reset()
    expect(p.items.map((a) => a.id)).toEqual([7, 6, 5])
    expect(s.calls[2]).toEqual({ limit: 4 })
  })

  it('drops a page that answers after the list was reset (another category chosen)', async () => {
    let release: (v: { items: { id: number; c: string }[] }) => void = () => {}
    const answers: Promise<{ items: { id: number; c: string }[] }>[] = [
      new Promise((ok) => (release = ok)),
      Promise.resolve({ items: [{ id: 3, c: 'policy' }] }),
    ]
    let call = 0
    const p = new NewsPager((_q) => answers[call++], 5)
    const first = p.reset() // "all": slow
    const second = p.reset() // "policy": fast
    await second
    expect(p.items).toEqual([{ id: 3, c: 'policy' }])
    release({ items: [{ id: 9, c: 'recruitment' }, { id: 3, c: 'policy' }] })
    await first
    expect(p.items).toEqual([{ id: 3, c: 'policy' }])
    expect(p.loading).toBe(false)
  })

  it('passes on a failure of the current page, not of a forgotten one', async () => {
    const p = new NewsPager(async () => {
      throw new Error('down')
    }, 5)
    await expect(p.reset()).rejects.toThrow('down')
    expect(p.loading).toBe(false)
    let fail: (e: Error) => void = () => {}
    const q = new NewsPager<{ id: number }>(
      (() => {
        let n = 0
        return () => (n++ === 0 ? new Promise((_ok, no) => (fail = no)) : Promise.resolve({ items: [{ id: 1 }] }))
      })(),
      5,
    )
    const old = q.reset()
    await q.reset()
    fail(new Error('late'))
    await expect(old).resolves.toBeUndefined()
    expect(q.items).toEqual([{ id: 1 }])
  })

  it('merges a page without repeating an article', () => {
    expect(mergeById([{ id: 5 }, { id: 4 }], [{ id: 4 }, { id: 3 }])).toEqual([{ id: 5 }, { id: 4 }, { id: 3 }])
  })
})

describe('dates', () => {
  it('are days in China (UTC+8)', () => {
    expect(newsDay('2026-11-28T15:59:59Z')).toBe('2026-11-28')
    expect(newsDay('2026-11-28T16:00:00Z')).toBe('2026-11-29')
    expect(newsDay('2026-12-31T20:00:00Z')).toBe('2027-01-01')
    expect(newsDay('')).toBe('')
    expect(newsDay('not a date')).toBe('')
  })
  it('read in the UI language', () => {
    expect(formatNewsDate('2026-11-28T23:11:13Z', 'zh-CN')).toBe('2026年11月29日')
    expect(formatNewsDate('2026-03-05T01:00:00Z', 'zh-CN')).toBe('2026年3月5日')
    expect(formatNewsDate('2026-03-05T01:00:00Z', 'en')).toBe('5 Mar 2026')
    expect(formatNewsDate('2026-12-01T00:00:00Z', 'en')).toBe('1 Dec 2026')
    expect(formatNewsDate('garbage', 'en')).toBe('garbage')
    expect(formatNewsDate(null, 'en')).toBe('')
  })
  it('say "updated" only for a change on a later day', () => {
    expect(editedLater({ published_at: '2026-11-28T01:00:00Z', updated_at: '2026-11-28T09:00:00Z' })).toBe(false)
    expect(editedLater({ published_at: '2026-11-28T01:00:00Z', updated_at: '2026-11-29T09:00:00Z' })).toBe(true)
    expect(editedLater({ published_at: '2026-11-28T01:00:00Z', updated_at: '' })).toBe(false)
  })
})

describe('words', () => {
  const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zh, en } })
  it('every category and language has a name in both locales', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      i18n.global.locale.value = locale
      for (const c of NEWS_CATEGORIES) expect(i18n.global.te(categoryKey(c)), `${locale} ${c}`).toBe(true)
      for (const l of NEWS_LANGS) expect(i18n.global.te(langKey(l)), `${locale} ${l}`).toBe(true)
    }
    i18n.global.locale.value = 'en'
    expect(i18n.global.t(langKey('zh-CN'))).toBe('Chinese')
    expect(i18n.global.t(categoryKey('recruitment'))).toBe('Recruitment')
    i18n.global.locale.value = 'zh-CN'
    expect(i18n.global.t(langKey('en'))).toBe('英文')
  })
})

describe('the editor’s checks', () => {
  it('count a title in bytes of UTF-8, as the server does (200 at most)', () => {
    expect(utf8Bytes('abc')).toBe(3)
    expect(utf8Bytes('晋才')).toBe(6)
    expect(checkNewsTitle('')).toEqual({ key: 'required' })
    expect(checkNewsTitle('   ')).toEqual({ key: 'required' })
    expect(checkNewsTitle('招'.repeat(66))).toBeNull() // 198 bytes
    expect(checkNewsTitle('招'.repeat(67))).toEqual({ key: 'newsTitle', params: { max: 200 } })
    expect(checkNewsTitle(`  ${'a'.repeat(200)}  `)).toBeNull() // trimmed before it is sent
  })
  it('want a text of at most 100 KB', () => {
    expect(checkNewsBody('')).toEqual({ key: 'required' })
    expect(checkNewsBody('\n  \n')).toEqual({ key: 'required' })
    expect(checkNewsBody('**bold**')).toBeNull()
    expect(checkNewsBody('a'.repeat(BODY_MAX_BYTES))).toBeNull()
    expect(checkNewsBody('a'.repeat(BODY_MAX_BYTES + 1))).toEqual({ key: 'newsBody' })
  })
})

describe('links inside an article', () => {
  it('stay in the UI for its pages, and leave the rest to the browser', () => {
    expect(internalPath('/news/2')).toBe('/news/2')
    expect(internalPath('/verify?x=1#top')).toBe('/verify?x=1#top')
    expect(internalPath('/')).toBe('/')
    expect(internalPath('https://example.org/')).toBeNull()
    expect(internalPath('mailto:office@example.org')).toBeNull()
    expect(internalPath('//evil.example/')).toBeNull()
    expect(internalPath('/\\evil.example/')).toBeNull()
    expect(internalPath('/api/v1/news.atom')).toBeNull()
    expect(internalPath('/api')).toBeNull()
    expect(internalPath('/healthz')).toBeNull()
    expect(internalPath('/files/rules.pdf')).toBeNull()
    expect(internalPath('')).toBeNull()
    expect(internalPath(null)).toBeNull()
  })
})

describe('the preview’s debounce', () => {
  it('sends the latest text once typing pauses, once', async () => {
    const { clock, advance } = fakeClock()
    const sent: string[] = []
    const shown: string[] = []
    const d = debouncedLatest(
      async (body: string) => {
        sent.push(body)
        return `<p>${body}</p>`
      },
      { result: (html) => shown.push(html) },
      300,
      clock,
    )
    for (const text of ['*', '**', '**b', '**bo', '**bold**']) {
      d.schedule(text)
      await advance(100) // typing: 100 ms between keys
    }
    expect(sent).toEqual([])
    expect(d.pending).toBe(true)
    await advance(200)
    expect(sent).toEqual(['**bold**'])
    expect(shown).toEqual(['<p>**bold**</p>'])
    expect(d.pending).toBe(false)
    await advance(1000)
    expect(sent).toHaveLength(1)
  })

  it('shows only the latest answer when answers come back out of order', async () => {
    const { clock, advance } = fakeClock()
    const resolvers: Record<string, (v: string) => void> = {}
    const shown: string[] = []
    const starts: string[] = []
    const d = debouncedLatest(
      (body: string) => new Promise<string>((ok) => (resolvers[body] = ok)),
      { result: (r) => shown.push(r), start: (a) => starts.push(a) },
      300,
      clock,
    )
    d.schedule('old')
    await advance(300)
    d.schedule('new')
    await advance(300)
    expect(starts).toEqual(['old', 'new'])
    resolvers.new('NEW')
    await flush()
    resolvers.old('OLD') // late
    await flush()
    expect(shown).toEqual(['NEW'])
  })

  it('sends at once on flush; forgets on discard; stops on cancel', async () => {
    const { clock, advance, pending } = fakeClock()
    const sent: string[] = []
    const shown: string[] = []
    const errors: string[] = []
    let fail = false
    const d = debouncedLatest(
      async (body: string) => {
        sent.push(body)
        if (fail) throw new Error(`bad ${body}`)
        return body
      },
      { result: (r) => shown.push(r), error: (e) => errors.push((e as Error).message) },
      300,
      clock,
    )
    d.schedule('a')
    d.flush()
    await flush()
    expect(sent).toEqual(['a'])
    expect(pending()).toBe(0)
    // The text emptied while its preview was on its way: the answer is not shown.
    let late: (v: string) => void = () => {}
    const d2 = debouncedLatest((_b: string) => new Promise<string>((ok) => (late = ok)), { result: (r) => shown.push(r) }, 300, clock)
    d2.schedule('x')
    await advance(300)
    d2.discard()
    late('X')
    await flush()
    expect(shown).toEqual(['a'])
    d2.schedule('y')
    d2.discard()
    await advance(1000)
    expect(d2.pending).toBe(false)
    // Failures are reported; after cancel nothing is sent.
    fail = true
    d.schedule('b')
    await advance(300)
    expect(errors).toEqual(['bad b'])
    d.schedule('c')
    d.cancel()
    await advance(1000)
    expect(sent).toEqual(['a', 'b'])
    d.schedule('d')
    await advance(1000)
    expect(sent).toEqual(['a', 'b'])
  })
})
