/*
 * Tenant administration API: team members, roles, settings, audit log.
 */
export {}
