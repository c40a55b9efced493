import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import ui from '@nuxt/ui/vite'
import adonisjs from '@adonisjs/vite/client'

export default defineConfig({
  plugins: [
    vue(),
    ui({
      // Links inside Nuxt UI components navigate with Inertia, not vue-router.
      router: 'inertia',
      // Components are imported where they are used: explicit imports keep
      // vue-tsc honest and leave no generated .d.ts files in the tree.
      components: false,
      autoImport: false,
      ui: {
        colors: { primary: 'teal', neutral: 'slate' },
      },
      // Icons are bundled at build time so the panel never calls the Iconify
      // API; plugin manifests name their menu icons (`i-lucide-router`).
      icon: {
        clientBundle: {
          scan: {
            globInclude: [
              'resources/**/*.{vue,ts}',
              'plugins/*/plugin.ts',
              'plugins/*/ui/**/*.{vue,ts}',
            ],
            globExclude: ['node_modules', '**/tests/**'],
          },
        },
      },
    }),
    adonisjs({
      entryPoints: ['resources/app.ts'],
      reload: ['resources/views/**/*.edge'],
    }),
  ],
  // vue-i18n's compile-time switches: Composition API only, no devtools hooks in production.
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: { watch: { ignored: ['**/storage/**', '**/tmp/**', '**/.tools/**'] } },
})
