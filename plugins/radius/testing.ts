import env from '#start/env'
import { platformDb } from '#core/tenancy/tenant_db'
import { startFreeradiusHarness, type FreeradiusHarness } from './freeradius/harness.js'
import { forgetNas } from './services/nas_directory.js'
import { restServerPort } from './services/radius_runtime.js'

export { chapAttributes } from './freeradius/chap.js'
export { mschapV2Request } from './freeradius/mschap.js'
export type { FreeradiusHarness }

/**
 * For tests of plugins that answer RADIUS logins (customers, vouchers): a
 * real FreeRADIUS on loopback calling this test app, with a NAS registered
 * for the tenant. The only radius module other plugins' tests import.
 */
export async function startRadiusForTenant(
  tenantId: string,
  nas: { name: string; ipAddress: string }
) {
  await platformDb()
    .table('radius_nas')
    .insert({ tenant_id: tenantId, name: nas.name, ip_address: nas.ipAddress })
  forgetNas()
  // FreeRADIUS talks to the lean rlm_rest listener, as in production with RADIUS_REST_PORT set.
  const port = restServerPort() ?? env.get('PORT')
  return startFreeradiusHarness({
    platformUrl: `http://127.0.0.1:${port}`,
    secret: env.get('RADIUS_API_SECRET')!,
    restTimeoutSeconds: 2,
  })
}
