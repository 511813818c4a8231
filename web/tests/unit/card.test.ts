// The card in the browser: the text made ready to verify, verdicts as colours and
// words, the sizes an image is read at, and jsQR reading the server's own QR code
// (fixtures/card-qr.txt: the modules of a demo card's `qr_svg`, '#' dark, with its
// quiet zone; fixtures/card-text.txt: that card's text).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import jsQR from 'jsqr'
import zh from '@/i18n/zh-CN'
import en from '@/i18n/en'
import type { ApplicationSummary } from '@/api/types'
import {
  CARD_PREFIX,
  VERDICTS,
  decodeSizes,
  isVerdict,
  issuedApplications,
  looksLikeCard,
  normalizeCardText,
  readQr,
  regionName,
  svgDataUrl,
  verdictKey,
  verdictSeverity,
  type Pixels,
  type QrReader,
} from '@/lib/card'
import { imageFileOf } from '@/lib/qrImage'
import { copyText } from '@/lib/clipboard'

const FIXTURES = join(__dirname, 'fixtures')
const CARD_TEXT = readFileSync(join(FIXTURES, 'card-text.txt'), 'utf8').trim()
const MODULES = readFileSync(join(FIXTURES, 'card-qr.txt'), 'utf8').trim().split('\n')

/** The QR code drawn at `scale` pixels a module, `pad` white pixels around it. */
function qrPixels(scale: number, pad = 0, invert = false): Pixels {
  const n = MODULES.length
  const size = n * scale + 2 * pad
  const data = new Uint8ClampedArray(size * size * 4).fill(255)
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) {
      if ((MODULES[y][x] === '#') === invert) continue
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++) {
          const i = ((pad + y * scale + dy) * size + pad + x * scale + dx) * 4
          data[i] = data[i + 1] = data[i + 2] = 0
        }
    }
  return { data, width: size, height: size }
}

/** Nearest-neighbour scaling, as a canvas would draw an image at another size. */
function scaled(src: Pixels, w: number, h: number): Pixels {
  const data = new Uint8ClampedArray(w * h * 4)
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const sx = Math.min(src.width - 1, Math.floor((x * src.width) / w))
      const sy = Math.min(src.height - 1, Math.floor((y * src.height) / h))
      data.set(src.data.subarray((sy * src.width + sx) * 4, (sy * src.width + sx) * 4 + 4), (y * w + x) * 4)
    }
  return { data, width: w, height: h }
}

describe('card text', () => {
  it('is the fixture a card', () => {
    expect(CARD_TEXT.startsWith(CARD_PREFIX)).toBe(true)
    expect(looksLikeCard(CARD_TEXT)).toBe(true)
  })

  it('loses the whitespace around it, with or without', () => {
    expect(normalizeCardText(CARD_TEXT)).toBe(CARD_TEXT)
    expect(normalizeCardText(`  ${CARD_TEXT}  `)).toBe(CARD_TEXT)
    expect(normalizeCardText(`\n\t${CARD_TEXT}\r\n`)).toBe(CARD_TEXT)
    expect(normalizeCardText(`\u00A0${CARD_TEXT}\u00A0\n`)).toBe(CARD_TEXT)
  })

  it('keeps the spaces inside (a Base45 character) and drops line breaks inside', () => {
    expect(normalizeCardText('JC1:AB CD')).toBe('JC1:AB CD')
    expect(normalizeCardText('JC1:AB\u00A0CD')).toBe('JC1:AB CD')
    const wrapped = CARD_TEXT.match(/.{1,60}/g)!.join('\r\n')
    expect(normalizeCardText(wrapped)).toBe(CARD_TEXT)
    expect(normalizeCardText(CARD_TEXT.match(/.{1,40}/g)!.join('\n'))).toBe(CARD_TEXT)
  })

  it('drops invisible characters and words before the prefix', () => {
    expect(normalizeCardText(`\uFEFF${CARD_TEXT}\u200B`)).toBe(CARD_TEXT)
    expect(normalizeCardText(`Card: ${CARD_TEXT}`)).toBe(CARD_TEXT)
    expect(normalizeCardText(`证书文本：${CARD_TEXT}\n`)).toBe(CARD_TEXT)
  })

  it('leaves what is not a card for the server to call malformed', () => {
    expect(normalizeCardText('  hello ')).toBe('hello')
    expect(normalizeCardText(' \n ')).toBe('')
    expect(looksLikeCard('hello')).toBe(false)
    expect(looksLikeCard('JC1:')).toBe(false)
  })
})

describe('verdicts', () => {
  it('green for valid, orange for a genuine card out of its dates or an unreadable one, red otherwise', () => {
    expect(verdictSeverity('valid')).toBe('success')
    for (const v of ['expired', 'not_yet_valid', 'malformed']) expect(verdictSeverity(v), v).toBe('warning')
    for (const v of ['revoked', 'bad_signature', 'altered_payload', 'unknown_key']) expect(verdictSeverity(v), v).toBe('danger')
    expect(verdictSeverity('something_new')).toBe('danger')
    expect(verdictSeverity('')).toBe('danger')
  })

  it('knows the eight verdicts of the API', () => {
    expect([...VERDICTS].sort()).toEqual(
      ['altered_payload', 'bad_signature', 'expired', 'malformed', 'not_yet_valid', 'revoked', 'unknown_key', 'valid'].sort(),
    )
    expect(isVerdict('valid')).toBe(true)
    expect(isVerdict('VALID')).toBe(false)
  })

  it('every verdict, and an unknown one, has a title and advice in both languages', () => {
    type Tree = { [k: string]: string | Tree }
    const get = (tree: Tree, key: string) => key.split('.').reduce<string | Tree | undefined>((n, k) => (typeof n === 'object' ? n[k] : undefined), tree)
    for (const v of [...VERDICTS, 'something_new']) {
      const key = verdictKey(v)
      const advice = key.replace('.verdicts.', '.advice.')
      for (const tree of [zh, en] as unknown as Tree[]) {
        expect(typeof get(tree, key), key).toBe('string')
        expect(typeof get(tree, advice), advice).toBe('string')
      }
    }
    expect(verdictKey('something_new')).toBe('verify.verdicts.other')
  })
})

describe('small helpers', () => {
  it('makes an SVG an image URL, escaped', () => {
    const url = svgDataUrl('<svg xmlns="http://www.w3.org/2000/svg"><path d="M4,4h1v1h-1z" fill="#000"/></svg>')
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true)
    expect(url).not.toMatch(/[<>"# ]/)
    expect(decodeURIComponent(url.split(',').slice(1).join(','))).toContain('fill="#000"')
  })

  it('names countries in the UI language, falling back to the code', () => {
    expect(regionName('DE', 'en')).toBe('Germany')
    expect(regionName('CN', 'zh-CN')).toBe('中国')
    expect(regionName('', 'en')).toBe('')
    expect(regionName(null, 'en')).toBe('')
    expect(regionName('not a code', 'en')).toBe('not a code')
  })

  it("finds the talent's cards in force, newest first", () => {
    const app = (id: number, state: ApplicationSummary['state']) => ({ id, state }) as ApplicationSummary
    const items = [app(3, 'issued'), app(9, 'revoked'), app(12, 'issued'), app(14, 'draft'), app(5, 'expired')]
    expect(issuedApplications(items).map((a) => a.id)).toEqual([12, 3])
    expect(issuedApplications([])).toEqual([])
    expect(items.map((a) => a.id)).toEqual([3, 9, 12, 14, 5]) // the input is left as it was
  })

  it('picks an image among pasted or dropped files', () => {
    const png = new File([new Uint8Array([1])], 'qr.png', { type: 'image/png' })
    const txt = new File(['x'], 'a.txt', { type: 'text/plain' })
    const list = (...files: File[]) => Object.assign([...files], { item: (i: number) => files[i] }) as unknown as FileList
    expect(imageFileOf(list(txt, png))).toBe(png)
    expect(imageFileOf(list(txt))).toBeNull()
    expect(imageFileOf(null)).toBeNull()
  })
})

describe('copying the text', () => {
  /** A document just big enough for the execCommand fallback (no secure context here). */
  function fakeDocument(copies: boolean) {
    const copied: string[] = []
    let area: { value: string } | null = null
    const doc = {
      activeElement: null,
      body: { appendChild: (el: { value: string }) => (area = el) },
      createElement: () => ({ value: '', style: {}, setAttribute: () => undefined, select: () => undefined, remove: () => (area = null) }),
      execCommand: (cmd: string) => {
        if (cmd === 'copy' && copies && area) copied.push(area.value)
        return copies
      },
    }
    return { doc: doc as unknown as Document, copied, attached: () => area }
  }

  it('falls back to a selected textarea and execCommand, and removes it', async () => {
    const f = fakeDocument(true)
    expect(await copyText(CARD_TEXT, f.doc)).toBe(true)
    expect(f.copied).toEqual([CARD_TEXT])
    expect(f.attached()).toBeNull()
  })

  it('says so when the browser refuses', async () => {
    const f = fakeDocument(false)
    expect(await copyText(CARD_TEXT, f.doc)).toBe(false)
    expect(f.attached()).toBeNull()
  })
})

describe('reading a QR code from an image', () => {
  it('tries a big photo scaled down first, then larger; a small image as it is; a tiny one also scaled up', () => {
    expect(decodeSizes(4000, 3000)).toEqual([
      [1280, 960],
      [2400, 1800],
    ])
    expect(decodeSizes(1600, 1200)).toEqual([
      [1280, 960],
      [1600, 1200],
    ])
    expect(decodeSizes(3000, 4000)[0]).toEqual([960, 1280])
    expect(decodeSizes(680, 680)).toEqual([[680, 680]])
    expect(decodeSizes(200, 100)).toEqual([
      [200, 100],
      [600, 300],
    ])
    expect(decodeSizes(0, 100)).toEqual([])
    expect(decodeSizes(NaN, 100)).toEqual([])
  })

  it("jsQR reads the server's QR code back to the card's text", () => {
    const px = qrPixels(8) // the card.png's scale: 85 modules × 8 = 680 px
    const sizes: number[][] = []
    const text = readQr(jsQR as unknown as QrReader, (w, h) => (sizes.push([w, h]), scaled(px, w, h)), px.width, px.height)
    expect(text).toBe(CARD_TEXT)
    expect(sizes).toEqual([[680, 680]])
  })

  it('reads a code inverted (light on dark)', () => {
    const inv = qrPixels(6, 0, true)
    expect(readQr(jsQR as unknown as QrReader, (w, h) => scaled(inv, w, h), inv.width, inv.height)).toBe(CARD_TEXT)
  })

  it('reads a small code in a big image at the second, larger size', () => {
    const px = qrPixels(2, 1100) // 2370 px: scaled to 1280 a module is about 1 px
    const sizes: number[] = []
    const text = readQr(jsQR as unknown as QrReader, (w, h) => (sizes.push(w), scaled(px, w, h)), px.width, px.height)
    expect(text).toBe(CARD_TEXT)
    expect(sizes).toEqual([1280, 2370])
  })

  it('finds nothing in an image without a code, at every size', () => {
    const w = 300
    const h = 200
    const data = new Uint8ClampedArray(w * h * 4)
    let seed = 7
    for (let i = 0; i < data.length; i++) data[i] = i % 4 === 3 ? 255 : (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 256
    const reader = vi.fn(jsQR as unknown as QrReader)
    expect(readQr(reader, (ww, hh) => scaled({ data, width: w, height: h }, ww, hh), w, h)).toBeNull()
    expect(reader).toHaveBeenCalledTimes(2) // 300×200, then 900×600
  })

  it('normalises what the reader returns, and goes on after an empty result', () => {
    const reader = vi.fn<QrReader>().mockReturnValueOnce({ data: '  ' }).mockReturnValueOnce({ data: `\n${CARD_TEXT} ` })
    const blank = (w: number, h: number): Pixels => ({ data: new Uint8ClampedArray(w * h * 4), width: w, height: h })
    expect(readQr(reader, blank, 3000, 2000)).toBe(CARD_TEXT)
    expect(reader).toHaveBeenCalledTimes(2)
    expect(reader.mock.calls[0].slice(1, 4)).toEqual([1280, 853, { inversionAttempts: 'attemptBoth' }])
  })
})
