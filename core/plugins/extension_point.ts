import type { ExtensionImplementation, LazyModule } from './types.js'

/**
 * A named, typed hook. The plugin that owns it exports the token from its
 * `contracts.ts`; other plugins implement it without touching its internals.
 * `T` is phantom: it only carries the implementation's type.
 */
export interface ExtensionPoint<T> {
  readonly name: string
  readonly description: string
  /** Never set; present so that `T` is part of the type */
  readonly __type?: T
}

export function defineExtensionPoint<T>(name: string, description: string): ExtensionPoint<T> {
  if (!/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/.test(name)) {
    throw new Error(`EXTENSION_POINT_INVALID: "${name}" must look like "radius.authenticator"`)
  }
  return Object.freeze({ name, description })
}

export function implement<T>(
  point: ExtensionPoint<T>,
  implementation: LazyModule<T>
): ExtensionImplementation<T> {
  return { point, implementation }
}
