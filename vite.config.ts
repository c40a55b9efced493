import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import adonisjs from '@adonisjs/vite/client'

export default defineConfig({
  plugins: [
    vue(),
    adonisjs({
      entryPoints: ['resources/app.ts'],
      reload: ['resources/views/**/*.edge'],
    }),
  ],
  server: { watch: { ignored: ['**/storage/**', '**/tmp/**', '**/.tools/**'] } },
})
