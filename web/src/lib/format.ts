// Display formats that follow the UI language.

/** A timestamp (ISO 8601, UTC) in local time: 2026-11-28 20:02. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

/** An amount of yuan with grouping: 12,345.5 → "12,345.50". */
export function formatMoney(v: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'zh-CN', {
    minimumFractionDigits: Number.isInteger(v) ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(v)
}

/** Points: integers as they are, fractions to one decimal. */
export function formatPoints(v: number | null | undefined): string {
  if (v == null || !Number.isFinite(v)) return '0'
  return Number.isInteger(v) ? String(v) : v.toFixed(1)
}

/** An identifier like `honor_national_talent_program` made readable: "honor national talent program". */
export function humanize(id: string): string {
  return id.replace(/[_.]+/g, ' ').trim()
}
