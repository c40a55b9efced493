import { defineConfig } from '@adonisjs/inertia'

const inertiaConfig = defineConfig({
  rootView: 'inertia_layout',
  encryptHistory: false,
  ssr: { enabled: false, entrypoint: 'resources/ssr.ts' },
})

export default inertiaConfig
