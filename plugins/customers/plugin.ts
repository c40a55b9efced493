import { definePlugin, implement } from '#core/plugins/define_plugin'
import { radiusAuthenticator } from '#plugins/radius/contracts'

/**
 * Customers (CRM), the service packages a tenant sells and the subscriber
 * accounts (PPPoE, hotspot member, static IP) that RADIUS authenticates.
 * Permissions: customers.read (see everything here), customers.write (change
 * customers and accounts, reveal passwords, import), packages.manage (the
 * price list). Each subscription counts toward `max_user`.
 */
export default definePlugin({
  id: 'customers',
  name: 'Customers',
  description:
    'Customer records, service packages and subscriber accounts (PPPoE, hotspot member, static IP) for RADIUS.',
  version: '0.1.0',
  requires: { core: '^0.1.0' },
  permissions: [
    { name: 'customers.read', description: 'See customers, packages and subscriber accounts' },
    {
      name: 'customers.write',
      description: 'Add and edit customers and accounts, import, reveal account passwords',
    },
    { name: 'packages.manage', description: 'Create, change and remove service packages' },
  ],
  limits: [
    {
      name: 'max_user',
      description: 'Subscriber accounts (PPPoE, hotspot member, static IP) a tenant may have',
      usage: { table: 'subscriptions' },
    },
  ],
  navigation: [
    {
      label: { en: 'Customers', id: 'Pelanggan' },
      href: '/customers',
      icon: 'i-lucide-users',
      permission: 'customers.read',
      order: 10,
    },
    {
      label: { en: 'Packages', id: 'Paket Layanan' },
      href: '/packages',
      icon: 'i-lucide-package',
      permission: 'customers.read',
      order: 11,
    },
  ],
  demo: () => import('./demo_seed.js'),
  extensions: [
    implement(radiusAuthenticator, () => import('./extensions/subscription_authenticator.js')),
  ],
  routes({ api, panel }) {
    const read = { permission: 'customers.read' }
    const write = { permission: 'customers.write' }
    const manage = { permission: 'packages.manage' }

    // Panel pages. Their forms post to panel routes: those carry the session
    // and CSRF check, and refused fields come back to the form (API routes have no session).
    // Fixed paths before `/customers/:id`.
    panel.get('/customers/export.csv', () => import('./http/export_customers.js'), read)
    panel.get('/customers/import', () => import('./http/import_page.js'), write)
    panel.post('/customers/import', () => import('./http/import_page.js'), write)
    panel.get('/customers', () => import('./http/customers_page.js'), read)
    panel.post('/customers', () => import('./http/create_customer_page.js'), write)
    panel.get('/customers/:id', () => import('./http/customer_page.js'), read)
    panel.patch('/customers/:id', () => import('./http/update_customer_page.js'), write)
    panel.delete('/customers/:id', () => import('./http/terminate_customer_page.js'), write)
    panel.post('/customers/:id/subscriptions', () => import('./http/create_subscription_page.js'), {
      ...write,
      limit: 'max_user',
    })
    panel.post('/customers/:id/documents', () => import('./http/upload_document_page.js'), write)
    // Downloads go through the session and the tenant's transaction: there is no public URL.
    panel.get(
      '/customers/:id/documents/:documentId',
      () => import('./http/download_document.js'),
      read
    )
    panel.delete(
      '/customers/:id/documents/:documentId',
      () => import('./http/delete_document_page.js'),
      write
    )
    panel.patch('/subscriptions/:id', () => import('./http/update_subscription_page.js'), write)
    panel.post(
      '/subscriptions/:id/reveal-password',
      () => import('./http/reveal_password_page.js'),
      write
    )
    panel.get('/packages', () => import('./http/packages_page.js'), read)
    panel.post('/packages', () => import('./http/create_package_page.js'), manage)
    panel.patch('/packages/:id', () => import('./http/update_package_page.js'), manage)
    panel.delete('/packages/:id', () => import('./http/delete_package_page.js'), manage)

    api.get('/customer-categories', () => import('./http/list_categories.js'), read)
    api.post('/customer-categories', () => import('./http/create_category.js'), write)

    // Fixed paths before `/customers/:id`, so "export.csv" is never taken for an id.
    api.get('/customers/export.csv', () => import('./http/export_customers.js'), read)
    // No route limit: the import checks `max_user` row by row, so rows past it are reported, not fatal.
    api.post('/customers/import', () => import('./http/import_customers.js'), write)
    api.get('/customers', () => import('./http/list_customers.js'), read)
    api.post('/customers', () => import('./http/create_customer.js'), write)
    api.get('/customers/:id', () => import('./http/show_customer.js'), read)
    api.patch('/customers/:id', () => import('./http/update_customer.js'), write)
    api.delete('/customers/:id', () => import('./http/delete_customer.js'), write)
    api.get('/customers/:id/activity', () => import('./http/customer_activity.js'), read)
    api.get('/customers/:id/documents', () => import('./http/list_documents.js'), read)
    api.post('/customers/:id/documents', () => import('./http/upload_document.js'), write)
    api.get(
      '/customers/:id/documents/:documentId',
      () => import('./http/download_document.js'),
      read
    )
    api.delete(
      '/customers/:id/documents/:documentId',
      () => import('./http/delete_document.js'),
      write
    )

    api.get('/packages', () => import('./http/list_packages.js'), read)
    api.post('/packages', () => import('./http/create_package.js'), manage)
    api.get('/packages/:id', () => import('./http/show_package.js'), read)
    api.patch('/packages/:id', () => import('./http/update_package.js'), manage)
    api.delete('/packages/:id', () => import('./http/delete_package.js'), manage)

    api.get('/subscriptions', () => import('./http/list_subscriptions.js'), read)
    api.post('/subscriptions', () => import('./http/create_subscription.js'), {
      ...write,
      limit: 'max_user',
    })
    api.get('/subscriptions/:id', () => import('./http/show_subscription.js'), read)
    api.patch('/subscriptions/:id', () => import('./http/update_subscription.js'), write)
    api.delete('/subscriptions/:id', () => import('./http/delete_subscription.js'), write)
    api.post(
      '/subscriptions/:id/reveal-password',
      () => import('./http/reveal_subscription_password.js'),
      write
    )
  },
})
