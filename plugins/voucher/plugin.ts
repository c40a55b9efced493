import { definePlugin, implement } from '#core/plugins/define_plugin'
import { radiusAuthenticator, radiusLoginAccepted } from '#plugins/radius/contracts'

/**
 * Hotspot vouchers: packages (speed, time, quota, validity, price), batches
 * of printed codes, and the RADIUS authenticator that activates a voucher at
 * its first login and refuses it once used up, expired or disabled.
 * Every voucher counts toward `max_voucher`; a batch is checked as a whole.
 * Batches are checked by RADIUS at each login, or pushed to a MikroTik
 * router as hotspot users through its `router.gateway` (tenant setting).
 * Emits `voucher:batch_generated` `{ tenantId, batchId, count }` after commit.
 */
export default definePlugin({
  id: 'voucher',
  name: 'Vouchers',
  description: 'Hotspot vouchers: packages, batch generation, printable cards and RADIUS logins.',
  version: '0.1.0',
  requires: { core: '^0.1.0', plugins: { radius: '^0.1.0' } },
  permissions: [
    { name: 'voucher.read', description: 'See voucher packages, batches, vouchers and sales' },
    {
      name: 'voucher.manage',
      description: 'Change voucher packages, generate and print batches, disable vouchers',
    },
  ],
  limits: [
    {
      name: 'max_voucher',
      description: 'Hotspot vouchers a tenant may hold (every status counts)',
      usage: { table: 'vouchers' },
    },
  ],
  navigation: [
    {
      label: { en: 'Vouchers', id: 'Voucher' },
      href: '/vouchers',
      icon: 'i-lucide-ticket',
      permission: 'voucher.read',
      order: 40,
    },
    {
      label: { en: 'Voucher batches', id: 'Batch Voucher' },
      href: '/voucher-batches',
      icon: 'i-lucide-layers',
      permission: 'voucher.read',
      order: 41,
    },
    {
      label: { en: 'Voucher packages', id: 'Paket Voucher' },
      href: '/voucher-packages',
      icon: 'i-lucide-package-open',
      permission: 'voucher.read',
      order: 42,
    },
    {
      label: { en: 'Voucher sales', id: 'Penjualan Voucher' },
      href: '/voucher-reports',
      icon: 'i-lucide-chart-column',
      permission: 'voucher.read',
      order: 43,
    },
    {
      label: { en: 'Voucher settings', id: 'Pengaturan Voucher' },
      href: '/voucher-settings',
      icon: 'i-lucide-settings-2',
      permission: 'voucher.manage',
      order: 44,
    },
  ],
  extensions: [
    implement(radiusAuthenticator, () => import('./extensions/voucher_authenticator.js')),
    // Validity starts on a login FreeRADIUS accepted, never in authorize (the password is unchecked there).
    implement(radiusLoginAccepted, () => import('./extensions/voucher_login_listener.js')),
  ],
  demo: () => import('./demo_seed.js'),
  routes({ api, panel }) {
    const read = { permission: 'voucher.read' }
    const manage = { permission: 'voucher.manage' }

    // Panel pages; their forms post to panel routes (session + CSRF, refusals back to the form).
    panel.get('/voucher-packages', () => import('./http/panel/packages_page.js'), read)
    panel.post('/voucher-packages', () => import('./http/panel/create_package_page.js'), manage)
    panel.patch(
      '/voucher-packages/:id',
      () => import('./http/panel/update_package_page.js'),
      manage
    )
    panel.get('/voucher-batches', () => import('./http/panel/batches_page.js'), read)
    panel.post('/voucher-batches', () => import('./http/panel/create_batch_page.js'), manage)
    panel.get('/voucher-batches/:id/print', () => import('./http/panel/print_page.js'), manage)
    panel.get('/voucher-batches/:id/cards.pdf', () => import('./http/batch_cards_pdf.js'), manage)
    panel.get('/voucher-batches/:id/export.csv', () => import('./http/export_batch_csv.js'), manage)
    panel.get('/vouchers', () => import('./http/panel/vouchers_page.js'), read)
    panel.patch('/vouchers/:id', () => import('./http/panel/update_voucher_page.js'), manage)
    panel.delete('/vouchers/:id', () => import('./http/panel/delete_voucher_page.js'), manage)
    panel.get('/voucher-reports', () => import('./http/panel/report_page.js'), read)
    panel.get('/voucher-reports/sales.csv', () => import('./http/sales_report_csv.js'), read)
    panel.get('/voucher-settings', () => import('./http/panel/settings_page.js'), manage)
    panel.put('/voucher-settings', () => import('./http/panel/update_settings_page.js'), manage)

    api.get('/voucher-packages', () => import('./http/list_packages.js'), read)
    api.post('/voucher-packages', () => import('./http/create_package.js'), manage)
    api.patch('/voucher-packages/:id', () => import('./http/update_package.js'), manage)
    api.delete('/voucher-packages/:id', () => import('./http/delete_package.js'), manage)

    api.get('/voucher-batches', () => import('./http/list_batches.js'), read)
    // No route `limit`: it would count one voucher; the handler checks the whole batch.
    api.post('/voucher-batches', () => import('./http/create_batch.js'), manage)
    api.get('/voucher-batches/:id/export.csv', () => import('./http/export_batch_csv.js'), manage)
    api.get('/voucher-batches/:id/cards.pdf', () => import('./http/batch_cards_pdf.js'), manage)
    api.get('/voucher-batches/:id', () => import('./http/show_batch.js'), read)

    api.get('/vouchers', () => import('./http/list_vouchers.js'), read)
    api.patch('/vouchers/:id', () => import('./http/update_voucher.js'), manage)
    api.delete('/vouchers/:id', () => import('./http/delete_voucher.js'), manage)

    api.get('/voucher-reports/sales.csv', () => import('./http/sales_report_csv.js'), read)
    api.get('/voucher-reports/sales', () => import('./http/sales_report.js'), read)

    api.get('/voucher-settings', () => import('./http/show_settings.js'), read)
    api.put('/voucher-settings', () => import('./http/update_settings.js'), manage)
  },
})
