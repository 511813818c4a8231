// Codes with their labels (cities, employer kinds, ...) and the employers, fetched once.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '@/api/endpoints'
import type { Employer, Labelled, Reference } from '@/api/types'

export const useReference = defineStore('reference', () => {
  const reference = ref<Reference | null>(null)
  const employers = ref<Employer[]>([])
  let loadingRef: Promise<void> | null = null
  let loadingEmployers: Promise<void> | null = null

  function loadReference(): Promise<void> {
    if (reference.value) return Promise.resolve()
    loadingRef ??= api
      .reference()
      .then((r) => {
        reference.value = r
      })
      .finally(() => (loadingRef = null))
    return loadingRef
  }

  function loadEmployers(force = false): Promise<void> {
    if (employers.value.length && !force) return Promise.resolve()
    loadingEmployers ??= api
      .employers()
      .then((r) => {
        employers.value = r.items
      })
      .finally(() => (loadingEmployers = null))
    return loadingEmployers
  }

  function employerName(id: number | null | undefined): string {
    if (id == null) return ''
    return employers.value.find((e) => e.id === id)?.name ?? `#${id}`
  }

  /** The label of a code in the UI's language (English falls back to the code). */
  function label(list: keyof Reference, code: string, locale: string): string {
    const item: Labelled | undefined = reference.value?.[list]?.find((x) => x.code === code)
    if (!item) return code
    return locale === 'en' ? item.en ?? code : item.zh
  }

  return { reference, employers, loadReference, loadEmployers, employerName, label }
})
