// Element Plus form rules from the pure checks: each check's verdict becomes the
// translated message shown under the field.
import type { FormItemRule } from 'element-plus'
import type { Verdict } from './dossier'

type T = (key: string, params?: Record<string, unknown>) => string

export function rule(t: T, check: (value: unknown) => Verdict, trigger: 'blur' | 'change' = 'blur'): FormItemRule {
  return {
    trigger,
    validator: (_r: unknown, value: unknown, callback: (e?: Error) => void) => {
      const v = check(value)
      if (v) callback(new Error(t(`validation.${v.key}`, v.params ?? {})))
      else callback()
    },
  }
}

export function verdictText(t: T, v: Verdict): string {
  return v ? t(`validation.${v.key}`, v.params ?? {}) : ''
}
