// Every string is translated: both locales have exactly the same keys, no empty
// message, the same placeholders, and every key the code names exists.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import zh from '@/i18n/zh-CN'
import en from '@/i18n/en'
import * as D from '@/lib/dossier'

type Tree = { [k: string]: string | Tree }

function flatten(t: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(t)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out.set(key, v)
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv)
  }
  return out
}
const ZH = flatten(zh as Tree)
const EN = flatten(en as Tree)
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f: string) => {
    const p = join(dir, f)
    if (statSync(p).isDirectory()) return sourceFiles(p)
    return /\.(ts|vue)$/.test(f) && !f.endsWith('.d.ts') && !p.includes('/i18n/') ? [p] : []
  })
}

describe('i18n completeness', () => {
  it('zh-CN and en have the same keys', () => {
    const onlyZh = [...ZH.keys()].filter((k) => !EN.has(k))
    const onlyEn = [...EN.keys()].filter((k) => !ZH.has(k))
    expect(onlyZh).toEqual([])
    expect(onlyEn).toEqual([])
    expect(ZH.size).toBeGreaterThan(300)
  })

  it('no message is empty, and both use the same placeholders', () => {
    for (const [k, v] of ZH) {
      expect(v.trim(), `zh-CN ${k}`).not.toBe('')
      expect(EN.get(k)!.trim(), `en ${k}`).not.toBe('')
      expect(placeholders(EN.get(k)!), `placeholders of ${k}`).toEqual(placeholders(v))
    }
  })

  it('English messages are not left in Chinese', () => {
    const han = /[\u4e00-\u9fff]/
    const leftovers = [...EN].filter(([, v]) => han.test(v)).map(([k]) => k)
    expect(leftovers).toEqual([])
  })

  it('every message compiles and formats in both locales', () => {
    const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zh, en }, missingWarn: false, fallbackWarn: false })
    const errors: string[] = []
    for (const locale of ['zh-CN', 'en'] as const) {
      i18n.global.locale.value = locale
      for (const k of ZH.keys()) {
        const params = Object.fromEntries(placeholders(ZH.get(k)!).map((p) => [p, `<${p}>`]))
        const out = i18n.global.t(k, params)
        if (out === k || /[{}]/.test(out)) errors.push(`${locale} ${k}: ${out}`)
      }
    }
    expect(errors).toEqual([])
  })

  it('every literal key the code uses exists', () => {
    const root = join(__dirname, '../../src')
    const missing: string[] = []
    for (const f of sourceFiles(root)) {
      const text = readFileSync(f, 'utf8')
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) if (!ZH.has(m[1])) missing.push(`${f.slice(root.length)}: ${m[1]}`)
      for (const m of text.matchAll(/\blabel:\s*'((?:nav|home|login|register)\.[\w.]+)'/g)) if (!ZH.has(m[1])) missing.push(`${f.slice(root.length)}: ${m[1]}`)
      for (const m of text.matchAll(/\btitle:\s*'([a-zA-Z]+\.[\w.]+)'/g)) if (!ZH.has(m[1])) missing.push(`${f.slice(root.length)}: ${m[1]}`)
    }
    expect(missing).toEqual([])
  })

  it('every code the UI shows has words: states, actions, roles, input values', () => {
    const need = [
      ...['draft', 'submitted', 'returned', 'endorsed', 'evaluated', 'approved', 'rejected', 'issued', 'revoked', 'expired', 'withdrawn'].map((s) => `states.${s}`),
      ...['create', 'submit', 'withdraw', 'endorse', 'return', 'evaluate', 'approve', 'reject', 'issue', 'renew', 'revoke', 'expire'].map((a) => `actions.${a}`),
      ...['talent', 'employer_admin', 'employer_staff', 'officer', 'policy_analyst', 'admin', 'system'].map((r) => `roles.${r}`),
      ...D.HONORS.map((v) => `dossier.values.honors.${v}`),
      ...D.LEVELS.map((v) => `dossier.values.level.${v}`),
      ...D.SCHOOL_STAGES.map((v) => `dossier.values.school_stage.${v}`),
      ...D.ENGAGEMENTS.map((v) => `dossier.values.engagement.${v}`),
      ...D.ORIGIN_REGIONS.map((v) => `dossier.values.origin_region.${v}`),
      ...D.IDENTITIES.map((v) => `dossier.values.identity.${v}`),
      ...D.EDUCATIONS.map((v) => `dossier.values.education.${v}`),
      ...D.TITLES.map((v) => `dossier.values.professional_title.${v}`),
      ...[...D.MONEY_FIELDS, ...Object.keys(D.COUNT_FIELDS)].map((f) => `dossier.fields.${f}`),
      ...['length', 'digit', 'last', 'region', 'date', 'future', 'check'].map((c) => `validation.residentId.${c}`),
    ]
    expect(need.filter((k) => !ZH.has(k))).toEqual([])
  })
})
