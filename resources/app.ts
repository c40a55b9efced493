import { createApp, h, type DefineComponent } from 'vue'
import { createInertiaApp } from '@inertiajs/vue3'
import { createPinia } from 'pinia'
import ui from '@nuxt/ui/vue-plugin'
import { pageLoader } from './page_resolver'
import { i18n } from './i18n/index'
import AppRoot from './components/app_root.vue'
import AppLayout from './layouts/app_layout.vue'
import './css/app.css'

/** Pages outside the signed-in shell: they bring their own full-screen layout. */
const STANDALONE = /^core\/(auth\/|errors\/suspended$)/

createInertiaApp({
  title: (title) => (title ? `${title} · ISP Platform` : 'ISP Platform'),
  resolve: async (name) => ((await pageLoader(name)) as { default: DefineComponent }).default,
  // Plugin pages get the shell too, without declaring it.
  layout: (name) => (STANDALONE.test(name) ? null : AppLayout),
  progress: { color: 'var(--ui-primary)' },
  setup({ el, App, props, plugin }) {
    createApp({ render: () => h(AppRoot, null, () => h(App, props)) })
      .use(plugin)
      .use(createPinia())
      .use(i18n)
      .use(ui)
      .mount(el)
  },
})
