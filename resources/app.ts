import { createApp, h, type DefineComponent } from 'vue'
import { createInertiaApp } from '@inertiajs/vue3'
import { pageLoader } from './page_resolver'
import './css/app.css'

createInertiaApp({
  title: (title) => (title ? `${title} · ISP Platform` : 'ISP Platform'),
  resolve: async (name) => ((await pageLoader(name)) as { default: DefineComponent }).default,
  setup({ el, App, props, plugin }) {
    createApp({ render: () => h(App, props) })
      .use(plugin)
      .mount(el)
  },
})
