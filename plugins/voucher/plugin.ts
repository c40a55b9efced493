import { definePlugin, implement } from '#core/plugins/define_plugin'
import { radiusAuthenticator, radiusLoginAccepted } from '#plugins/radius/contracts'

/**
 * Hotspot vouchers: packages (speed, time, quota, validity, price), batches
 * of printed codes, and the RADIUS authenticator that activates a voucher at
 * its first login and refuses it once used up, expired or disabled.
 * Every voucher counts toward `max_voucher`; a batch is checked as a whole.
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
      label: { en: 'Voucher packages', id: 'Paket Voucher' },
      href: '/voucher-packages',
      icon: 'i-lucide-package-open',
      permission: 'voucher.read',
      order: 41,
    },
  ],
  extensions: [
    implement(radiusAuthenticator, () => import('./extensions/voucher_authenticator.js')),
    // Validity starts on a login FreeRADIUS accepted, never in authorize (the password is unchecked there).
    implement(radiusLoginAccepted, () => import('./extensions/voucher_login_listener.js')),
  ],
  routes({ api }) {
    const read = { permission: 'voucher.read' }
    const manage = { permission: 'voucher.manage' }

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

    api.get('/voucher-reports/sales', () => import('./http/sales_report.js'), read)
  },
})
