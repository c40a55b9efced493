import app from '@adonisjs/core/services/app'
import { defineConfig, stores } from '@adonisjs/session'

/**
 * Panel sessions live in Redis so that any web process can serve any
 * request (the web tier scales out behind a load balancer).
 */
const sessionConfig = defineConfig({
  enabled: true,
  cookieName: 'isp-session',
  clearWithBrowser: false,
  age: '12h',
  cookie: {
    path: '/',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
  // Tests use the built-in memory store, which the test clients read and write.
  store: app.inTest ? 'memory' : 'redis',
  stores: {
    redis: stores.redis({ connection: 'main' }),
  },
})

export default sessionConfig
