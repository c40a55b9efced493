import { definePlugin } from '#core/plugins/define_plugin'
import { radiusAuthenticator } from './contracts.js'

/**
 * FreeRADIUS calls these machine routes over rlm_rest for every login and
 * accounting packet (see docs/freeradius.md); tenant staff manage their NAS
 * list and read sessions and the login log through the API.
 */
export default definePlugin({
  id: 'radius',
  name: 'RADIUS',
  description: 'Authentication and accounting for hotspot and PPPoE logins through FreeRADIUS.',
  version: '0.1.0',
  requires: { core: '^0.1.0' },
  permissions: [
    { name: 'radius.read', description: 'See RADIUS sessions, the login log and the NAS list' },
    { name: 'radius.manage', description: 'Add and remove NAS (routers that ask FreeRADIUS)' },
  ],
  navigation: [
    {
      label: { en: 'RADIUS sessions', id: 'Sesi RADIUS' },
      href: '/radius/sessions',
      icon: 'i-lucide-activity',
      permission: 'radius.read',
      order: 30,
    },
    {
      label: { en: 'Internet usage', id: 'Pemakaian internet' },
      href: '/radius/usage',
      icon: 'i-lucide-chart-column',
      permission: 'radius.read',
      order: 31,
    },
    {
      label: { en: 'RADIUS settings', id: 'Pengaturan RADIUS' },
      href: '/radius/settings',
      icon: 'i-lucide-settings-2',
      permission: 'radius.read',
      order: 32,
    },
  ],
  extensionPoints: [radiusAuthenticator],
  middleware: { caller: () => import('./http/caller_middleware.js') },
  commands: [() => import('./commands/radius_config.js')],
  lifecycle: { boot: (ctx) => import('./services/radius_runtime.js').then((m) => m.boot(ctx)) },
  routes({ api, machine, panel }) {
    // Panel pages; their forms post to panel routes (session + CSRF), not to /api/v1.
    const read = { permission: 'radius.read' }
    const manage = { permission: 'radius.manage' }
    panel.get('/radius/sessions', () => import('./http/panel/sessions_page.js'), read)
    panel.post(
      '/radius/sessions/:id/disconnect',
      () => import('./http/panel/disconnect_session_page.js'),
      manage
    )
    panel.post(
      '/radius/sessions/:id/coa',
      () => import('./http/panel/change_session_page.js'),
      manage
    )
    panel.get('/radius/history', () => import('./http/panel/history_page.js'), read)
    panel.get('/radius/log', () => import('./http/panel/login_log_page.js'), read)
    panel.get('/radius/usage', () => import('./http/panel/usage_page.js'), read)
    panel.get('/radius/usage/export.csv', () => import('./http/export_usage.js'), read)
    panel.get('/radius/settings', () => import('./http/panel/settings_page.js'), read)
    panel.put('/radius/settings', () => import('./http/panel/save_settings_page.js'), manage)
    panel.post('/radius/nas', () => import('./http/panel/create_nas_page.js'), manage)
    panel.patch('/radius/nas/:id', () => import('./http/panel/update_nas_page.js'), manage)
    panel.delete('/radius/nas/:id', () => import('./http/panel/delete_nas_page.js'), manage)

    machine.post('/radius/auth', () => import('./http/authorize.js'), { middleware: ['caller'] })
    machine.post('/radius/acct', () => import('./http/accounting.js'), { middleware: ['caller'] })
    machine.post('/radius/post-auth', () => import('./http/post_auth.js'), {
      middleware: ['caller'],
    })
    api.get('/radius/nas', () => import('./http/list_nas.js'), { permission: 'radius.read' })
    api.post('/radius/nas', () => import('./http/create_nas.js'), { permission: 'radius.manage' })
    api.patch('/radius/nas/:id', () => import('./http/update_nas.js'), {
      permission: 'radius.manage',
    })
    api.delete('/radius/nas/:id', () => import('./http/delete_nas.js'), {
      permission: 'radius.manage',
    })
    api.get('/radius/sessions', () => import('./http/list_sessions.js'), {
      permission: 'radius.read',
    })
    api.get('/radius/auth-log', () => import('./http/list_auth_log.js'), {
      permission: 'radius.read',
    })
    api.post('/radius/sessions/:id/disconnect', () => import('./http/disconnect_session.js'), {
      permission: 'radius.manage',
    })
    api.post('/radius/sessions/:id/coa', () => import('./http/change_session.js'), {
      permission: 'radius.manage',
    })
    api.get('/radius/usage', () => import('./http/show_usage.js'), { permission: 'radius.read' })
    api.get('/radius/usage/export.csv', () => import('./http/export_usage.js'), {
      permission: 'radius.read',
    })
    api.get('/radius/settings', () => import('./http/show_settings.js'), {
      permission: 'radius.read',
    })
    api.put('/radius/settings', () => import('./http/update_settings.js'), {
      permission: 'radius.manage',
    })
  },
})
