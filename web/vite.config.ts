// Vite config of the Jincai web UI. The build goes to web/dist, which `jincai serve`
// serves at `/` (base '/'). In development, `npm run dev` (and `npm run preview`)
// proxy /api, /healthz and /metrics to a running `jincai serve`, at JINCAI_API
// (default http://127.0.0.1:8080).
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import AutoImport from 'unplugin-auto-import/vite'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

const api = process.env.JINCAI_API || 'http://127.0.0.1:8080'
const proxy = Object.fromEntries(
  ['/api', '/healthz', '/metrics'].map((p) => [p, { target: api, changeOrigin: false }]),
)

export default defineConfig({
  base: '/',
  plugins: [
    vue(),
    // Element Plus per component: ElMessage & co. in scripts, <el-*> in templates,
    // each with its own CSS, so a page pulls only the components it uses.
    AutoImport({ resolvers: [ElementPlusResolver()], dts: 'src/auto-imports.d.ts' }),
    Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: 'src/components.d.ts' }),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: { proxy },
  preview: { proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    chunkSizeWarningLimit: 800,
  },
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts'],
  },
})
