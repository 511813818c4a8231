// Where a user of each role starts, and the role check of every navigation (pure,
// so that unit tests need no browser).
import type { RouteLocationRaw } from 'vue-router'
import type { Role } from '@/api/types'

/** The page a user of a role starts on. */
export function homeOf(role: Role | null): RouteLocationRaw {
  switch (role) {
    case 'talent':
      return { name: 'dossier' }
    case 'employer_admin':
    case 'employer_staff':
      return { name: 'employer-queue' }
    case 'officer':
      return { name: 'officer-queue' }
    case 'policy_analyst':
      return { name: 'policies' }
    case 'admin':
      return { name: 'audit' }
    default:
      return { name: 'home' }
  }
}

/** Where a guard sends a navigation: true to let it through. */
export function guard(
  meta: { roles?: Role[]; guestOnly?: boolean },
  role: Role | null,
  fullPath: string,
): true | RouteLocationRaw {
  if (meta.guestOnly && role) return homeOf(role)
  if (meta.roles) {
    if (!role) return { name: 'login', query: { redirect: fullPath } }
    if (!meta.roles.includes(role)) return { name: 'forbidden' }
  }
  return true
}
