// Helpers of the policy editor: where a line starts, which line the caret is on,
// and the diagnostics of each line.
import type { Diagnostic } from '@/api/types'

/** The character offset at which 1-based `line` starts (clamped to the text). */
export function offsetOfLine(text: string, line: number): number {
  let offset = 0
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset)
    if (nl < 0) return text.length
    offset = nl + 1
  }
  return offset
}

/** The 1-based line of a character offset. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < Math.min(offset, text.length); i++) if (text.charCodeAt(i) === 10) line++
  return line
}

/** Diagnostics by line, errors before warnings. */
export function diagnosticsByLine(diags: readonly Diagnostic[]): Map<number, Diagnostic[]> {
  const m = new Map<number, Diagnostic[]>()
  for (const d of diags) {
    const line = Math.max(1, d.line || 1)
    const list = m.get(line) ?? []
    list.push(d)
    m.set(line, list)
  }
  for (const list of m.values()) list.sort((a, b) => (a.severity === b.severity ? a.column - b.column : a.severity === 'error' ? -1 : 1))
  return m
}

export function countLines(text: string): number {
  let n = 1
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++
  return n
}
