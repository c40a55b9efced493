/*
 * Super admin API (platform owner): tenants, plans, limits, features, plugins, impersonation.
 */
export {}
