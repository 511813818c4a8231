// A list read page by page with ?limit=&after= (applications, claims, the audit log):
// the rows so far, whether there may be more, loading, and the error in words.
import { ref, type Ref } from 'vue'
import type { Items } from '@/api/types'
import { useErrors } from './useErrors'

export function usePagedList<T extends { id: number }>(fetchPage: (q: { limit: number; after?: number }) => Promise<Items<T>>, pageSize: number) {
  const { describe } = useErrors()
  const rows = ref([]) as Ref<T[]>
  const more = ref(false)
  const loading = ref(false)
  const error = ref<string | null>(null)

  /** The first page again, or (`append`) the page after the last row. */
  async function load(append = false) {
    loading.value = true
    error.value = null
    try {
      const after = append && rows.value.length ? rows.value[rows.value.length - 1].id : undefined
      const r = await fetchPage({ limit: pageSize, after })
      rows.value = append ? [...rows.value, ...r.items] : r.items
      more.value = r.items.length === pageSize
    } catch (e) {
      error.value = describe(e)
    } finally {
      loading.value = false
    }
  }
  return { rows, more, loading, error, load }
}
