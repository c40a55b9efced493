import app from '@adonisjs/core/services/app'
import { definePlugin, implement } from '#core/plugins/define_plugin'
import { routerGateway } from './contracts.js'
import { closeRouterConnections } from './services/router_gateway.js'

/**
 * Permissions: router.read (see routers, status, sessions, users, leases),
 * router.write (add, edit, test, disconnect customers) and router.delete
 * (remove a router). The technician role holds read and write by default, so
 * technicians operate routers but only owners and admins remove them.
 */
export default definePlugin({
  id: 'mikrotik',
  name: 'MikroTik',
  description:
    'Connects MikroTik routers over the RouterOS API: status, online hotspot and PPPoE customers, users and DHCP leases.',
  version: '0.1.0',
  requires: { core: '^0.1.0' },
  permissions: [
    { name: 'router.read', description: 'See routers, their status and online customers' },
    {
      name: 'router.write',
      description: 'Add and edit routers, test connections, disconnect customers',
    },
    { name: 'router.delete', description: 'Remove routers from the platform' },
  ],
  limits: [
    {
      name: 'max_router',
      description: 'MikroTik routers a tenant may connect',
      usage: { table: 'mikrotik_routers' },
    },
  ],
  navigation: [
    {
      label: { en: 'Routers', id: 'Router' },
      href: '/mikrotik/routers',
      icon: 'i-lucide-router',
      permission: 'router.read',
      order: 20,
    },
  ],
  jobs: [
    { name: 'sync-router', handler: () => import('./jobs/sync_router.js'), attempts: 1 },
    {
      name: 'sync-tenant-routers',
      handler: () => import('./jobs/sync_tenant_routers.js'),
      attempts: 3,
      backoffMs: 5_000,
    },
    {
      name: 'disconnect-session',
      handler: () => import('./jobs/disconnect_session.js'),
      attempts: 6,
      backoffMs: 5_000,
    },
    {
      name: 'push-hotspot-users',
      handler: () => import('./jobs/push_hotspot_users.js'),
      attempts: 5,
      backoffMs: 10_000,
    },
  ],
  // Owned and implemented here, so billing and vouchers reach routers without importing this plugin.
  extensionPoints: [routerGateway],
  extensions: [implement(routerGateway, () => import('./extensions/router_gateway_impl.js'))],
  commands: [
    () => import('./commands/mikrotik_simulate.js'),
    () => import('./commands/mikrotik_demo_routers.js'),
  ],
  schedules: [{ job: 'sync-tenant-routers', every: 300_000, perTenant: true }],
  routes({ api, panel }) {
    const read = { permission: 'router.read' }
    const write = { permission: 'router.write' }
    const remove = { permission: 'router.delete' }

    // Panel pages and their forms (session + CSRF); the API below carries the same actions.
    panel.get('/mikrotik/routers', () => import('./http/show_routers_page.js'), read)
    panel.post('/mikrotik/routers', () => import('./http/panel/create_router_page.js'), {
      ...write,
      limit: 'max_router',
    })
    panel.get('/mikrotik/routers/:id', () => import('./http/panel/router_page.js'), read)
    panel.patch('/mikrotik/routers/:id', () => import('./http/panel/update_router_page.js'), write)
    panel.delete(
      '/mikrotik/routers/:id',
      () => import('./http/panel/delete_router_page.js'),
      remove
    )
    panel.post(
      '/mikrotik/routers/:id/test-connection',
      () => import('./http/panel/test_connection_page.js'),
      write
    )
    panel.post(
      '/mikrotik/routers/:id/sessions/:session_id/disconnect',
      () => import('./http/panel/disconnect_session_page.js'),
      write
    )
    panel.post(
      '/mikrotik/routers/:id/users',
      () => import('./http/panel/create_account_page.js'),
      write
    )
    panel.patch(
      '/mikrotik/routers/:id/users/:user_id',
      () => import('./http/panel/update_account_page.js'),
      write
    )
    panel.delete(
      '/mikrotik/routers/:id/users/:user_id',
      () => import('./http/panel/delete_account_page.js'),
      write
    )
    panel.get('/mikrotik/routers/:id/push', () => import('./http/panel/push_page.js'), write)
    panel.post(
      '/mikrotik/routers/:id/push',
      () => import('./http/panel/create_push_page.js'),
      write
    )
    panel.get(
      '/mikrotik/routers/:id/onboarding',
      () => import('./http/panel/onboarding_page.js'),
      write
    )

    api.get('/routers', () => import('./http/list_routers.js'), read)
    api.post('/routers', () => import('./http/create_router.js'), {
      ...write,
      limit: 'max_router',
    })
    api.get('/routers/:id', () => import('./http/show_router.js'), read)
    api.patch('/routers/:id', () => import('./http/update_router.js'), write)
    api.delete('/routers/:id', () => import('./http/delete_router.js'), remove)
    api.post(
      '/routers/:id/test-connection',
      () => import('./http/test_router_connection.js'),
      write
    )
    api.get('/routers/:id/sessions', () => import('./http/list_router_sessions.js'), read)
    api.post(
      '/routers/:id/sessions/:session_id/disconnect',
      () => import('./http/disconnect_router_session.js'),
      write
    )
    api.get(
      '/routers/:id/onboarding-script',
      () => import('./http/show_onboarding_script.js'),
      write
    )
    api.get('/routers/:id/users', () => import('./http/list_router_users.js'), read)
    api.post('/routers/:id/users', () => import('./http/create_router_user.js'), write)
    api.patch('/routers/:id/users/:user_id', () => import('./http/update_router_user.js'), write)
    api.delete('/routers/:id/users/:user_id', () => import('./http/delete_router_user.js'), write)
    api.get('/routers/:id/profiles', () => import('./http/list_router_profiles.js'), read)
    api.get('/routers/:id/dhcp-leases', () => import('./http/list_router_dhcp_leases.js'), read)
    api.get('/routers/:id/sync-logs', () => import('./http/list_sync_logs.js'), read)
    api.post('/routers/:id/push-vouchers', () => import('./http/push_vouchers.js'), write)
    api.get(
      '/routers/:id/push-vouchers/:batch_id',
      () => import('./http/show_push_progress.js'),
      read
    )
  },
  lifecycle: {
    // The manifest has no shutdown hook: the app's own terminating hook closes the router sockets.
    boot: () => {
      app.terminating(() => closeRouterConnections())
    },
  },
})
