// Copying text: the Clipboard API where the page may use it (HTTPS, localhost),
// else the older selection + execCommand('copy') (a plain-HTTP intranet address).

export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  const clip = typeof navigator !== 'undefined' ? navigator.clipboard : undefined
  if (clip && typeof window !== 'undefined' && window.isSecureContext) {
    try {
      await clip.writeText(text)
      return true
    } catch {
      /* refused (no permission, no focus): fall back */
    }
  }
  const area = doc.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.top = '-1000px'
  area.style.opacity = '0'
  const focused = doc.activeElement as HTMLElement | null
  doc.body.appendChild(area)
  area.select()
  let ok = false
  try {
    ok = doc.execCommand('copy')
  } catch {
    ok = false
  }
  area.remove()
  focused?.focus?.()
  return ok
}
