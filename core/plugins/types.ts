import type { HttpContext } from '@adonisjs/core/http'
import type { Logger } from '@adonisjs/core/logger'
import type { ExtensionPoint } from './extension_point.js'
import type { PluginRouter } from './plugin_router.js'

/** Text shown to people, in the panel's two languages. */
export type LocalizedText = { en: string; id: string }

export type LazyModule<T> = () => Promise<{ default: T }>

export interface PermissionDeclaration {
  /** `<area>.<verb>`, e.g. `router.read` */
  name: string
  description: string
}

export interface FeatureDeclaration {
  name: string
  description: string
}

export interface LimitDeclaration {
  /** e.g. `max_router` */
  name: string
  description: string
  /** How usage is counted: the tenant's rows in this table */
  usage?: { table: string }
}

export interface NavigationEntry {
  label: LocalizedText
  /** Panel path, e.g. `/routers` */
  href: string
  icon?: string
  /** Hidden unless the user holds this permission */
  permission?: string
  order?: number
}

export interface AddonMetadata {
  /** Price in IDR, an integer */
  price: number
  billingCycle: 'monthly' | 'yearly' | 'one_time'
  activation: 'auto' | 'approval'
}

export interface SettingsDeclaration {
  /** A compiled Vine validator for the settings object */
  validator: { validate(data: unknown): Promise<unknown> }
  defaults: Record<string, unknown>
}

export interface JobContext<Data = Record<string, unknown>> {
  tenantId: string
  data: Data
  attempt: number
  logger: Logger
  /** Report progress (0–100 or an object) to whoever watches the job */
  progress(value: number | object): Promise<void>
}

export type JobHandler<Data = any> = (ctx: JobContext<Data>) => Promise<unknown> | unknown

export interface JobDeclaration {
  /** Name unique within the plugin */
  name: string
  handler: LazyModule<JobHandler>
  /** Queue declared by this plugin; defaults to `default` */
  queue?: string
  attempts?: number
  /** Base delay of the exponential backoff, in ms */
  backoffMs?: number
}

export interface QueueDeclaration {
  name: string
  concurrency?: number
}

export interface ScheduleDeclaration {
  /** Job name declared by the same plugin */
  job: string
  /** Interval in ms, or a cron pattern */
  every?: number
  cron?: string
  /** Run once per tenant that has the plugin enabled (default true) */
  perTenant?: boolean
}

export interface ExtensionImplementation<T = unknown> {
  point: ExtensionPoint<T>
  implementation: LazyModule<T>
}

export interface PluginHookContext {
  pluginId: string
  logger: Logger
}

export interface PluginRoutesContext extends PluginHookContext {
  /** Routes under `/api/v1`, behind tenant resolution and the plugin-enabled check */
  api: PluginRouter
  /** Panel pages, behind tenant resolution and the plugin-enabled check */
  panel: PluginRouter
  /** Machine routes (e.g. `/radius/*`): no tenant from a session; the plugin authenticates the caller */
  machine: PluginRouter
}

export interface DemoSeedContext {
  tenantId: string
  tenantSlug: string
  /** The demo password (DEMO_PASSWORD) */
  password: string
}

export interface PluginLifecycle {
  /** Runs when the plugin is enabled for a tenant */
  enable?: (ctx: PluginHookContext & { tenantId: string }) => Promise<void> | void
  /** Runs when the plugin is disabled for a tenant */
  disable?: (ctx: PluginHookContext & { tenantId: string }) => Promise<void> | void
  /** Runs once per process after every plugin is loaded */
  boot?: (ctx: PluginHookContext) => Promise<void> | void
}

export interface PluginDefinition {
  id: string
  name: string
  description: string
  version: string
  requires?: { core?: string; plugins?: Record<string, string> }

  permissions?: PermissionDeclaration[]
  features?: FeatureDeclaration[]
  limits?: LimitDeclaration[]
  settings?: SettingsDeclaration
  navigation?: NavigationEntry[]
  addon?: AddonMetadata

  /** Folder of migrations, relative to the plugin folder (default `database/migrations`) */
  migrations?: string
  /** Folder of Inertia pages, relative to the plugin folder (default `ui/pages`) */
  pages?: string
  queues?: QueueDeclaration[]
  jobs?: JobDeclaration[]
  schedules?: ScheduleDeclaration[]
  /** Event name → listeners */
  listeners?: Record<string, LazyModule<(payload: any) => unknown>[]>
  /** Extension points this plugin defines, which other plugins may implement */
  extensionPoints?: ExtensionPoint<any>[]
  /** Implementations of extension points (its own or other plugins') */
  extensions?: ExtensionImplementation<any>[]
  /** Named middleware other routes of this plugin can use */
  middleware?: Record<
    string,
    LazyModule<
      new (...args: any[]) => { handle(ctx: HttpContext, next: () => Promise<void>): unknown }
    >
  >
  commands?: LazyModule<any>[]
  /**
   * Demo data for the Quick start: called by the demo seeder for each demo
   * tenant once the plugin is enabled, in dependency order. Must be idempotent.
   */
  demo?: LazyModule<(ctx: DemoSeedContext) => Promise<void>>
  routes?: (ctx: PluginRoutesContext) => void | Promise<void>
  lifecycle?: PluginLifecycle
}

/** A plugin found on disk or in node_modules, validated and ready to use. */
export interface LoadedPlugin {
  definition: PluginDefinition
  /** Absolute folder of the plugin */
  root: string
  /** `local` (plugins/*) or `npm` (package name) */
  source: { kind: 'local' } | { kind: 'npm'; packageName: string }
}
