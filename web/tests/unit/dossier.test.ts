import { describe, expect, it } from 'vitest'
import { checkCount, checkDate, checkMoney, emptyForm, fromDossier, toDossier, validateDossier } from '@/lib/dossier'

const TODAY = new Date(2026, 10, 28)

// The demo talent's dossier as GET /talents/10 returns it.
const stored = {
  annual_salary_cny: 166000.0,
  awards: [
    { level: 'provincial', rank: 2 },
    { level: 'provincial', rank: 2 },
  ],
  birth_date: '1984-03-02',
  children: [{ birth_date: '2009-01-24', school_stage: 'none' }],
  education: 'doctorate',
  engagement: 'full_time',
  field: 'information_technology',
  honors: ['state_council_special_allowance'],
  hukou_province: 'Shanxi',
  identity: 'none',
  invention_patents: 1,
  jobs_created: 0,
  origin_region: 'central',
  overseas: false,
  papers: 38,
  patents_commercialized: 0,
  professional_title: 'intermediate',
  projects_led: [{ funding_cny: 90000.5, level: 'municipal' }],
  revenue_generated_cny: 0.0,
  spouse: { employed: true, present: true },
  standards_drafted: 0,
  tax_paid_cny: 0.0,
  years_experience: 9,
}

describe('dossier form', () => {
  it('round-trips a stored dossier', () => {
    const form = fromDossier(stored)
    expect(form.projects_led[0].funding_cny).toBe('90000.50')
    expect(form.annual_salary_cny).toBe('166000')
    expect(toDossier(form, stored)).toEqual(stored)
  })

  it('fills the policy defaults for an empty dossier', () => {
    const f = emptyForm()
    expect(f.engagement).toBe('full_time')
    expect(f.origin_region).toBe('unknown')
    expect(f.honors).toEqual([])
    const d = toDossier(f)
    expect(d.birth_date).toBeUndefined() // not sent until given
    expect(d.annual_salary_cny).toBe(0)
  })

  it('keeps inputs it does not know, drops those the records own', () => {
    const d = toDossier(fromDossier(stored), { ...stored, new_input: 7, name: 'x', employer_id: '3', nationality: 'CN' })
    expect(d.new_input).toBe(7)
    expect(d).not.toHaveProperty('name')
    expect(d).not.toHaveProperty('employer_id')
    expect(d).not.toHaveProperty('nationality')
  })

  it('sends an employed spouse only when there is one', () => {
    const f = fromDossier(stored)
    f.spouse.present = false
    expect(toDossier(f).spouse).toEqual({ present: false, employed: false })
  })
})

describe('field checks', () => {
  it('dates: real days, from 1900, not after today', () => {
    expect(checkDate('1990-02-10', { today: TODAY })).toBeNull()
    expect(checkDate('', { required: true })).toEqual({ key: 'required' })
    expect(checkDate('')).toBeNull()
    expect(checkDate('1990-02-30')).toEqual({ key: 'date' })
    expect(checkDate('1990-2-3')).toEqual({ key: 'date' })
    expect(checkDate('2000-02-29', { today: TODAY })).toBeNull()
    expect(checkDate('1900-02-29')).toEqual({ key: 'date' })
    expect(checkDate('1899-12-31')).toEqual({ key: 'dateTooEarly' })
    expect(checkDate('2026-11-29', { today: TODAY })).toEqual({ key: 'dateFuture' })
  })

  it('amounts: yuan with at most two decimals, not negative', () => {
    expect(checkMoney('250000')).toBeNull()
    expect(checkMoney(' 250000.50 ')).toBeNull()
    expect(checkMoney('')).toBeNull()
    expect(checkMoney('', { required: true })).toEqual({ key: 'required' })
    expect(checkMoney('-5')).toEqual({ key: 'money' })
    expect(checkMoney('1.234')).toEqual({ key: 'money' })
    expect(checkMoney('1,000')).toEqual({ key: 'money' })
    expect(checkMoney('abc')).toEqual({ key: 'money' })
    expect(checkMoney('99999999999999')).toEqual({ key: 'moneyTooLarge' })
  })

  it('counts: whole numbers within bounds', () => {
    expect(checkCount(3, 1, 3)).toBeNull()
    expect(checkCount(4, 1, 3)).toEqual({ key: 'range', params: { min: 1, max: 3 } })
    expect(checkCount(1.5, 0, 80)).toEqual({ key: 'integer' })
    expect(checkCount(undefined, 0, 80)).toEqual({ key: 'required' })
  })

  it('validates a whole form field by field', () => {
    expect(validateDossier(fromDossier(stored), TODAY)).toEqual({})
    const f = fromDossier(stored)
    f.birth_date = ''
    f.annual_salary_cny = '12.345'
    f.awards[1].rank = 5
    f.projects_led[0].funding_cny = ''
    f.children[0].birth_date = '1980-01-01'
    f.honors.push('state_council_special_allowance')
    f.years_experience = 81
    const v = validateDossier(f, TODAY)
    expect(Object.keys(v).sort()).toEqual([
      'annual_salary_cny',
      'awards.1.rank',
      'birth_date',
      'honors',
      'projects_led.0.funding_cny',
      'years_experience',
    ])
    f.birth_date = '1984-03-02'
    expect(validateDossier(f, TODAY)['children.0.birth_date']).toEqual({ key: 'childAfterParent' })
  })
})
