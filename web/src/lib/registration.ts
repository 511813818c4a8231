// Checks of the talent registration form, the same as the server's
// (src/service/accounts.cpp): each returns an i18n key under `validation.` and its
// parameters, or null.
import { isAlpha2, passportProblem, residentIdProblem } from './idcard'
import type { Verdict } from './dossier'

export function utf8Bytes(s: string): number {
  return new TextEncoder().encode(s).length
}

export function checkUsername(u: string): Verdict {
  if (!u) return { key: 'required' }
  return /^[a-z0-9._-]{3,64}$/.test(u) ? null : { key: 'username' }
}

export function checkPassword(p: string, username: string): Verdict {
  if (!p) return { key: 'required' }
  const n = utf8Bytes(p)
  if (n < 10 || n > 128) return { key: 'password' }
  if (p === username) return { key: 'passwordIsUsername' }
  return null
}

export function checkName(name: string): Verdict {
  const n = utf8Bytes(name.trim())
  return n < 1 || n > 200 ? { key: 'name' } : null
}

export function checkDocument(kind: 'resident_id' | 'passport', number: string, nationality: string, today = new Date()): Verdict {
  if (!number) return { key: 'required' }
  if (kind === 'resident_id') {
    const p = residentIdProblem(number, today)
    if (!p) return null
    const { code, ...params } = p
    return { key: `residentId.${code}`, params: params as Record<string, string | number> }
  }
  const p = passportProblem(number)
  if (p) return { key: p.code === 'passport-length' ? 'passport.length' : 'passport.chars' }
  if (nationality === 'CN') return { key: 'foreignNotCN' }
  return null
}

export function checkNationality(kind: 'resident_id' | 'passport', nationality: string): Verdict {
  if (!nationality) return { key: 'required' }
  if (!isAlpha2(nationality)) return { key: 'alpha2' }
  if (kind === 'resident_id' && nationality !== 'CN') return { key: 'nationalityCN' }
  if (kind === 'passport' && nationality === 'CN') return { key: 'foreignNotCN' }
  return null
}
