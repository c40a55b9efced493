import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { Secret } from '@adonisjs/core/helpers'
import { defineConfig } from '@adonisjs/core/http'
import proxyAddr from 'proxy-addr'

/**
 * The app key encrypts cookies and secrets at rest (router passwords,
 * gateway keys, RADIUS account passwords). Rotating it makes them unreadable.
 */
export const appKey = new Secret(env.get('APP_KEY'))

export const http = defineConfig({
  generateRequestId: true,
  allowMethodSpoofing: false,
  useAsyncLocalStorage: true,
  // Only a proxy in front of us may say who the client is (X-Forwarded-For); login
  // throttling and audit trails rely on the address.
  trustProxy: proxyAddr.compile(
    (env.get('TRUSTED_PROXIES') || 'loopback').split(',').map((s) => s.trim())
  ),
  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
})
