import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import { i18n, currentLocale, setLocale } from './i18n'
import { setUnauthenticatedHandler } from './api/client'
import { useSession } from './stores/session'
import './styles.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia).use(i18n).use(router)
setLocale(currentLocale())

// A 401 from any call means the session ended (expired, logged out elsewhere).
setUnauthenticatedHandler(() => {
  const session = useSession(pinia)
  if (!session.signedIn) return
  session.expire()
  const here = router.currentRoute.value
  if (here.meta.roles) {
    ElMessage.warning(i18n.global.t('errors.sessionExpired'))
    router.replace({ name: 'login', query: { redirect: here.fullPath } })
  }
})

app.mount('#app')
