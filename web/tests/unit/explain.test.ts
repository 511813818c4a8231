import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import zh from '@/i18n/zh-CN'
import en from '@/i18n/en'
import { describeChange, entitlementLabel, fieldLabel, valueLabel, type Translator } from '@/lib/explain'
import { diagnosticsByLine, lineOfOffset, offsetOfLine } from '@/lib/policyText'
import { guard, homeOf } from '@/router/guard'
import { checkDocument, checkNationality, checkPassword, checkUsername } from '@/lib/registration'

function translator(locale: 'zh-CN' | 'en'): Translator {
  const i18n = createI18n({ legacy: false, locale, messages: { 'zh-CN': zh, en } })
  return { t: (k, p) => i18n.global.t(k, p ?? {}), te: (k) => i18n.global.te(k), locale }
}

describe('what it would take, in words', () => {
  const tr = translator('en')
  it('names an added honor', () => {
    expect(describeChange(tr, { field: 'honors', add: 'academician' })).toBe('Honors: add “Academician (CAS or CAE)”')
  })
  it('names an added award record', () => {
    expect(describeChange(tr, { field: 'awards', add: { level: 'national', rank: 1 } })).toBe('Awards: add “National Prize 1”')
  })
  it('names a raised amount and a flipped flag', () => {
    expect(describeChange(tr, { field: 'annual_salary_cny', from: 166000, to: 500000.5 })).toBe(
      'Annual salary (CNY): from 166,000 CNY to 500,000.50 CNY',
    )
    expect(describeChange(tr, { field: 'overseas', from: false, to: true })).toBe('Returning from abroad: from No to Yes')
  })
  it('keeps the raw names of inputs it does not know', () => {
    expect(describeChange(tr, { field: 'new_input', from: 'a', to: 'b' })).toBe('new_input: from a to b')
    expect(entitlementLabel(tr, 'new_entitlement')).toBe('new_entitlement')
  })
  it('speaks Chinese too', () => {
    const zt = translator('zh-CN')
    expect(describeChange(zt, { field: 'honors', add: 'national_talent_program' })).toBe('荣誉称号：增加“国家级人才计划入选者”')
    expect(fieldLabel(zt, 'birth_date')).toBe('出生日期')
    expect(valueLabel(zt, 'engagement', 'consultant')).toBe('顾问指导')
    expect(entitlementLabel(zt, 'turnover_housing')).toBe('周转住房')
  })
})

describe('policy editor helpers', () => {
  const text = 'a\nbb\nccc\n'
  it('finds line starts and lines of offsets', () => {
    expect(offsetOfLine(text, 1)).toBe(0)
    expect(offsetOfLine(text, 3)).toBe(5)
    expect(offsetOfLine(text, 99)).toBe(text.length)
    expect(lineOfOffset(text, 0)).toBe(1)
    expect(lineOfOffset(text, 5)).toBe(3)
  })
  it('groups diagnostics by line, errors first', () => {
    const m = diagnosticsByLine([
      { severity: 'warning', code: 'w', line: 2, column: 1, message: 'w' },
      { severity: 'error', code: 'e', line: 2, column: 5, message: 'e' },
      { severity: 'error', code: 'x', line: 0, column: 0, message: 'x' },
    ])
    expect(m.get(2)!.map((d) => d.code)).toEqual(['e', 'w'])
    expect(m.get(1)!.map((d) => d.code)).toEqual(['x'])
  })
})

describe('route guard', () => {
  it('sends visitors of a guarded page to login, with the way back', () => {
    expect(guard({ roles: ['talent'] }, null, '/talent/dossier')).toEqual({ name: 'login', query: { redirect: '/talent/dossier' } })
  })
  it('refuses other roles', () => {
    expect(guard({ roles: ['officer', 'admin'] }, 'talent', '/audit')).toEqual({ name: 'forbidden' })
    expect(guard({ roles: ['officer', 'admin'] }, 'admin', '/audit')).toBe(true)
  })
  it('sends a signed-in user away from login to their home page', () => {
    expect(guard({ guestOnly: true }, 'employer_staff', '/login')).toEqual(homeOf('employer_staff'))
    expect(guard({ guestOnly: true }, null, '/login')).toBe(true)
    expect(homeOf('policy_analyst')).toEqual({ name: 'policies' })
  })
})

describe('registration checks', () => {
  const today = new Date(2026, 10, 28)
  it('checks the user name and password like the server', () => {
    expect(checkUsername('li.ming_2')).toBeNull()
    expect(checkUsername('Li')).toEqual({ key: 'username' })
    expect(checkPassword('short', 'u')).toEqual({ key: 'password' })
    expect(checkPassword('li.ming.2026', 'li.ming.2026')).toEqual({ key: 'passwordIsUsername' })
    expect(checkPassword('a long password', 'u')).toBeNull()
  })
  it('checks the document against its kind and the nationality', () => {
    expect(checkDocument('resident_id', '140105198403021099', 'CN', today)).toEqual({
      key: 'residentId.check',
      params: { expected: '8', actual: '9' },
    })
    expect(checkDocument('resident_id', '140105198403021098', 'CN', today)).toBeNull()
    expect(checkDocument('passport', 'E12', 'US')).toEqual({ key: 'passport.length' })
    expect(checkNationality('resident_id', 'US')).toEqual({ key: 'nationalityCN' })
    expect(checkNationality('passport', 'CN')).toEqual({ key: 'foreignNotCN' })
    expect(checkNationality('passport', 'us')).toEqual({ key: 'alpha2' })
  })
})
