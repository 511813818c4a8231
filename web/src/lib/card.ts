// The green card in the browser, without I/O: the text a QR code or a paste gives
// (`JC1:` + Base45) made ready to verify, the verdicts of POST /cards/verify as
// colours, reading a QR code from pixels (jsQR is passed in, so that it loads only
// where an image is read), and the talent's cards in force.
import type { ApplicationSummary, Verdict } from '@/api/types'

export const CARD_PREFIX = 'JC1:'

export const VERDICTS: readonly Verdict[] = [
  'valid',
  'expired',
  'not_yet_valid',
  'revoked',
  'bad_signature',
  'altered_payload',
  'unknown_key',
  'malformed',
]

export function isVerdict(v: string): v is Verdict {
  return (VERDICTS as readonly string[]).includes(v)
}

/**
 * The card text as the user pasted it or a scanner read it, ready for the server:
 * without the whitespace around it, line breaks inside it (a text wrapped by a
 * mail or a PDF), invisible characters (zero-width, byte order mark), with
 * non-breaking spaces as spaces (space is one of Base45's characters, so spaces
 * inside stay), and without words before the `JC1:` prefix ("Card: JC1:…").
 * Base45 never ends a card with a space, so trimming loses nothing.
 */
export function normalizeCardText(raw: string): string {
  let s = raw
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/\u00A0/g, ' ')
    .replace(/[\r\n\t\f\v\u2028\u2029]+/g, '')
    .trim()
  const at = s.indexOf(CARD_PREFIX)
  if (at > 0) s = s.slice(at)
  return s
}

/** Does the text look like a card at all (before asking the server)? */
export function looksLikeCard(text: string): boolean {
  return text.startsWith(CARD_PREFIX) && text.length > CARD_PREFIX.length
}

export type Severity = 'success' | 'warning' | 'danger'

/**
 * How a verdict is shown: green for a valid card; orange when the card is genuine
 * but not in force today (expired, not yet valid) or could not be read at all (a
 * bad scan or paste: try again); red when it must be refused (revoked, a signature
 * that fails, altered content, a key the office does not know) and for any
 * verdict this UI does not know.
 */
export function verdictSeverity(verdict: string): Severity {
  switch (verdict) {
    case 'valid':
      return 'success'
    case 'expired':
    case 'not_yet_valid':
    case 'malformed':
      return 'warning'
    default:
      return 'danger'
  }
}

/** The i18n key of a verdict's title (an unknown verdict gets a generic one). */
export function verdictKey(verdict: string): string {
  return isVerdict(verdict) ? `verify.verdicts.${verdict}` : 'verify.verdicts.other'
}

/** An SVG document as a data: URL, for an <img> (no script in it can run there). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}

/** A country's name from its ISO 3166 alpha-2 code in the UI's language, else the code. */
export function regionName(code: string | null | undefined, locale: string): string {
  if (!code) return ''
  try {
    const names = new Intl.DisplayNames([locale === 'en' ? 'en' : 'zh-CN'], { type: 'region' })
    return names.of(code) ?? code
  } catch {
    return code
  }
}

/** A talent's applications with a card in force (state issued, renewals included), newest first. */
export function issuedApplications(items: readonly ApplicationSummary[]): ApplicationSummary[] {
  return items.filter((a) => a.state === 'issued').sort((a, b) => b.id - a.id)
}

// --- reading a QR code from pixels ---------------------------------------------------------

/** The part of jsQR this code calls (the `jsqr` package's default export). */
export type QrReader = (
  data: Uint8ClampedArray,
  width: number,
  height: number,
  options?: { inversionAttempts?: 'dontInvert' | 'onlyInvert' | 'attemptBoth' | 'invertFirst' },
) => { data: string } | null

export interface Pixels {
  data: Uint8ClampedArray
  width: number
  height: number
}

/**
 * The sizes to try an image at, smallest first: a phone photo (4000×3000) is read
 * faster, and often better, scaled down to `first` pixels on its longer side; when
 * that finds nothing, once more at up to `most` (a small code in a big photo). A
 * small image is read as it is, and a tiny one (a thumbnail) also scaled up.
 */
export function decodeSizes(width: number, height: number, first = 1280, most = 2400): [number, number][] {
  if (!(width > 0 && height > 0)) return []
  const longer = Math.max(width, height)
  const at = (side: number): [number, number] => {
    const k = side / longer
    return [Math.max(1, Math.round(width * k)), Math.max(1, Math.round(height * k))]
  }
  const sizes: [number, number][] = []
  if (longer > first) {
    sizes.push(at(first))
    sizes.push(at(Math.min(longer, most)))
  } else {
    sizes.push([width, height])
    if (longer < 400) sizes.push(at(longer * 3))
  }
  return sizes
}

/**
 * Reads the first QR code in an image: `draw(w, h)` gives its pixels at that size
 * (a canvas in the browser). Returns the code's text normalised, or null when no
 * size shows a readable code.
 */
export function readQr(reader: QrReader, draw: (w: number, h: number) => Pixels, width: number, height: number): string | null {
  for (const [w, h] of decodeSizes(width, height)) {
    const px = draw(w, h)
    const found = reader(px.data, px.width, px.height, { inversionAttempts: 'attemptBoth' })
    if (found && found.data.trim()) return normalizeCardText(found.data)
  }
  return null
}
