import type { Category } from './customer'

type Translate = (key: string, named?: Record<string, unknown>) => string

/** Built-in categories speak the panel's language; a tenant's own show the label it gave them. */
export function categoryLabel(t: Translate, categories: Category[], name: string) {
  const found = categories.find((c) => c.name === name)
  if (!found) return name
  return found.builtIn ? t(`customers.category.${name}`) : found.label
}

/** `1.2 MB`, `340 KB`: document sizes as people read them. */
export function formatBytes(bytes: number) {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  return `${Math.max(1, Math.round(bytes / 1024))} KB`
}
