// Names for the ids that application lists carry (talent_id, employer_id): the
// list endpoints give ids only, so the page fetches the talents and employers in
// the caller's scope once and labels rows from them.
import { ref } from 'vue'
import { api } from '@/api/endpoints'
import { useReference } from '@/stores/reference'

export function useNames() {
  const refs = useReference()
  const talents = ref(new Map<number, string>())
  async function load(withTalents = true) {
    await Promise.all([
      refs.loadEmployers().catch(() => undefined),
      withTalents
        ? api
            .talents()
            .then((r) => {
              talents.value = new Map(r.items.map((x) => [x.id, x.name]))
            })
            .catch(() => undefined)
        : Promise.resolve(),
    ])
  }
  const talentName = (id: number) => talents.value.get(id) ?? `#${id}`
  const employerName = (id: number | null) => (id == null ? '' : refs.employerName(id))
  return { load, talentName, employerName }
}
