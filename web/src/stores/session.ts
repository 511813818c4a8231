// The signed-in user: restored from the cookie session on load (GET /auth/session
// gives the CSRF token again), set by login, cleared by logout or a 401.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api } from '@/api/endpoints'
import { setCsrfToken } from '@/api/client'
import type { Role, User } from '@/api/types'

export const useSession = defineStore('session', () => {
  const user = ref<User | null>(null)
  const restored = ref(false)
  let restoring: Promise<void> | null = null

  const role = computed<Role | null>(() => user.value?.role ?? null)
  const signedIn = computed(() => user.value !== null)

  function set(u: User | null, csrf: string | null) {
    user.value = u
    setCsrfToken(csrf)
  }

  /** Asks the server once whether the cookie session is alive. */
  function restore(): Promise<void> {
    if (restored.value) return Promise.resolve()
    if (!restoring) {
      restoring = api
        .session()
        .then((s) => set(s.user, s.csrf_token))
        .catch(() => set(null, null))
        .finally(() => {
          restored.value = true
          restoring = null
        })
    }
    return restoring
  }

  async function login(username: string, password: string): Promise<User> {
    const r = await api.login(username, password)
    set(r.user, r.csrf_token)
    restored.value = true
    return r.user
  }

  async function logout(): Promise<void> {
    try {
      await api.logout()
    } finally {
      set(null, null)
    }
  }

  /** The session ended on the server (a 401): forget it here. */
  function expire() {
    set(null, null)
  }

  return { user, role, signedIn, restored, restore, login, logout, expire }
})
