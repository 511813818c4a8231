// Identity documents checked in the browser, with the same rules as the server
// (src/domain/identity_numbers.cpp, src/service/accounts.cpp), so that a typo is
// caught before the form is sent. The server checks again; its word is final.

/** Why a resident ID number is refused; `null` when it is valid. */
export type ResidentIdProblem =
  | { code: 'length'; length: number }
  | { code: 'digit'; position: number }
  | { code: 'last' }
  | { code: 'region' }
  | { code: 'date' }
  | { code: 'future' }
  | { code: 'check'; expected: string; actual: string }

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECKS = '10X98765432'

/** The GB 11643-1999 check character of the first 17 digits. */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('residentIdCheckCharacter needs 17 digits')
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return CHECKS[sum % 11]
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

/** YYYYMMDD of a date in local time. */
export function yyyymmdd(d: Date): number {
  return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate()
}

/**
 * Checks an 18-character resident identity number: digits, region, birth date (a real
 * day from 1900, not after `today`) and the check character (a lower-case x is taken
 * as X). Returns null when it is valid.
 */
export function residentIdProblem(id: string, today: Date = new Date()): ResidentIdProblem | null {
  if (id.length !== 18) return { code: 'length', length: id.length }
  for (let i = 0; i < 17; i++) if (id[i] < '0' || id[i] > '9') return { code: 'digit', position: i + 1 }
  const last = id[17] === 'x' ? 'X' : id[17]
  if (!/^[0-9X]$/.test(last)) return { code: 'last' }
  if (id.slice(0, 6) === '000000') return { code: 'region' }
  const y = Number(id.slice(6, 10)), m = Number(id.slice(10, 12)), d = Number(id.slice(12, 14))
  const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  const dateOk = y >= 1900 && m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1] + (m === 2 && isLeap(y) ? 1 : 0)
  if (!dateOk) return { code: 'date' }
  if (y * 10000 + m * 100 + d > yyyymmdd(today)) return { code: 'future' }
  const expected = residentIdCheckCharacter(id.slice(0, 17))
  if (expected !== last) return { code: 'check', expected, actual: id[17] }
  return null
}

/** The birth date (YYYY-MM-DD) a valid resident ID number carries. */
export function birthDateOfResidentId(id: string): string | null {
  if (residentIdProblem(id) !== null) return null
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`
}

export type PassportProblem = { code: 'passport-length' } | { code: 'passport-chars' }

/** A passport number has 5 to 20 letters and digits. */
export function passportProblem(n: string): PassportProblem | null {
  if (n.length < 5 || n.length > 20) return { code: 'passport-length' }
  if (!/^[A-Za-z0-9]+$/.test(n)) return { code: 'passport-chars' }
  return null
}

/** ISO 3166-1 alpha-2, upper case (CN, DE, US...). */
export function isAlpha2(code: string): boolean {
  return /^[A-Z]{2}$/.test(code)
}
