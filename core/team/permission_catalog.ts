import kernel from '../services/kernel.js'
import { CORE_PERMISSIONS } from '../identity/permissions.js'

export interface CatalogPermission {
  name: string
  description: string
  /** `core`, or the id of the plugin that declares it */
  source: string
}

/** Every permission a role may grant: the core's and those of every installed plugin. */
export function permissionCatalog(): CatalogPermission[] {
  return [
    ...CORE_PERMISSIONS.map((p) => ({ ...p, source: 'core' })),
    ...kernel.plugins
      .permissions()
      .map((p) => ({ name: p.name, description: p.description, source: p.plugin })),
  ]
}

const areaOf = (name: string) => name.split('.')[0]

/** The catalog grouped by area (`users`, `router`, ...), as the role editor shows it. */
export function groupedCatalog() {
  const groups = new Map<string, CatalogPermission[]>()
  for (const permission of permissionCatalog()) {
    const area = areaOf(permission.name)
    groups.set(area, [...(groups.get(area) ?? []), permission])
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([area, permissions]) => ({
      area,
      wildcard: `${area}.*`,
      permissions: permissions.sort((a, b) => a.name.localeCompare(b.name)),
    }))
}

/**
 * The requested grants that name nothing declared. A wildcard `area.*` is
 * accepted when the area has declared permissions, so a typo like `biling.*`
 * is caught; `*` (everything) only where `allowEverything` is set.
 */
export function unknownPermissions(requested: string[], options: { allowEverything: boolean }) {
  const catalog = permissionCatalog()
  const names = new Set(catalog.map((p) => p.name))
  const areas = new Set(catalog.map((p) => areaOf(p.name)))
  return requested.filter((grant) => {
    if (grant === '*') return !options.allowEverything
    if (grant.endsWith('.*')) return !areas.has(grant.slice(0, -2))
    return !names.has(grant)
  })
}
