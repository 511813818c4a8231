import { describe, expect, it } from 'vitest'
import {
  birthDateOfResidentId,
  isAlpha2,
  passportProblem,
  residentIdCheckCharacter,
  residentIdProblem,
} from '@/lib/idcard'

const TODAY = new Date(2026, 10, 28)

describe('GB 11643 check character', () => {
  it('computes the check character of known numbers', () => {
    // The standard's own example and numbers used by the server's tests and demo.
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X')
    expect(residentIdCheckCharacter('14010519840302109')).toBe('8')
    expect(residentIdCheckCharacter('44052419800101001')).toBe('3')
  })
  it('refuses anything but 17 digits', () => {
    expect(() => residentIdCheckCharacter('1234')).toThrow()
    expect(() => residentIdCheckCharacter('1101051949123100A')).toThrow()
  })
  it('cycles through all eleven check characters', () => {
    const seen = new Set<string>()
    for (let seq = 0; seq < 200; seq++) seen.add(residentIdCheckCharacter(`11010519900101${String(seq).padStart(3, '0')}`))
    expect([...seen].sort().join('')).toBe('0123456789X')
  })
})

describe('residentIdProblem', () => {
  it('accepts valid numbers, with X in either case', () => {
    expect(residentIdProblem('11010519491231002X', TODAY)).toBeNull()
    expect(residentIdProblem('11010519491231002x', TODAY)).toBeNull()
    expect(residentIdProblem('140105198403021098', TODAY)).toBeNull()
  })
  it('names the wrong check character and the right one', () => {
    expect(residentIdProblem('140105198403021099', TODAY)).toEqual({ code: 'check', expected: '8', actual: '9' })
  })
  it('checks length, digits, the last character and the region', () => {
    expect(residentIdProblem('14010519840302109', TODAY)).toEqual({ code: 'length', length: 17 })
    expect(residentIdProblem('1401051984030210A8', TODAY)).toEqual({ code: 'digit', position: 17 })
    expect(residentIdProblem('14010519840302109Y', TODAY)).toEqual({ code: 'last' })
    expect(residentIdProblem('000000198403021098', TODAY)).toEqual({ code: 'region' })
  })
  it('checks the birth date: a real day, from 1900, not in the future', () => {
    expect(residentIdProblem('140105199002300000', TODAY)?.code).toBe('date') // 30 February
    expect(residentIdProblem('140105189912310000', TODAY)?.code).toBe('date') // 1899
    const leap = '14010520000229' + '001'
    expect(residentIdProblem(leap + residentIdCheckCharacter(leap), TODAY)).toBeNull()
    const notLeap = '14010519000229' + '001'
    expect(residentIdProblem(notLeap + residentIdCheckCharacter(notLeap), TODAY)?.code).toBe('date')
    const future = '14010520270101' + '001'
    expect(residentIdProblem(future + residentIdCheckCharacter(future), TODAY)?.code).toBe('future')
  })
  it('gives the birth date of a valid number only', () => {
    expect(birthDateOfResidentId('11010519491231002X')).toBe('1949-12-31')
    expect(birthDateOfResidentId('110105194912310021')).toBeNull()
  })
})

describe('passports and nationalities', () => {
  it('accepts 5 to 20 letters and digits', () => {
    expect(passportProblem('E12345678')).toBeNull()
    expect(passportProblem('E1234')).toBeNull()
    expect(passportProblem('E123')).toEqual({ code: 'passport-length' })
    expect(passportProblem('A'.repeat(21))).toEqual({ code: 'passport-length' })
    expect(passportProblem('E1234-567')).toEqual({ code: 'passport-chars' })
  })
  it('takes ISO 3166 alpha-2 codes in capitals', () => {
    expect(isAlpha2('CN')).toBe(true)
    expect(isAlpha2('cn')).toBe(false)
    expect(isAlpha2('USA')).toBe(false)
  })
})
