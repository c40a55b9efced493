import vine, { errors as vineErrors } from '@vinejs/vine'
import semver from 'semver'
import { PluginError } from './errors.js'
import type { PluginDefinition } from './types.js'

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/
const DOTTED = /^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)+$/
const SNAKE = /^[a-z][a-z0-9_]*$/

const fn = () =>
  vine.any().use(
    vine.createRule((value, _, field) => {
      if (typeof value !== 'function') field.report('must be a function', 'function', field)
    })()
  )

const semverVersion = vine.createRule((value, _, field) => {
  if (typeof value !== 'string' || !semver.valid(value)) {
    field.report('must be a semver version such as 1.0.0', 'semver', field)
  }
})
const semverRange = vine.createRule((value, _, field) => {
  if (typeof value !== 'string' || semver.validRange(value) === null) {
    field.report('must be a semver range such as ^1.0.0', 'semverRange', field)
  }
})

const localized = vine.object({ en: vine.string().minLength(1), id: vine.string().minLength(1) })
const named = (pattern: RegExp) =>
  vine
    .array(
      vine.object({ name: vine.string().regex(pattern), description: vine.string().minLength(1) })
    )
    .optional()

const manifestValidator = vine.create(
  vine.object({
    id: vine.string().regex(ID).maxLength(64),
    name: vine.string().minLength(1).maxLength(100),
    description: vine.string().minLength(1),
    version: vine.string().use(semverVersion()),
    requires: vine
      .object({
        core: vine.string().use(semverRange()).optional(),
        plugins: vine.record(vine.string().use(semverRange())).optional(),
      })
      .optional(),
    permissions: named(DOTTED),
    features: named(SNAKE),
    limits: vine
      .array(
        vine.object({
          name: vine.string().regex(SNAKE),
          description: vine.string().minLength(1),
          usage: vine.object({ table: vine.string().regex(SNAKE) }).optional(),
        })
      )
      .optional(),
    settings: vine.object({ validator: vine.any(), defaults: vine.record(vine.any()) }).optional(),
    navigation: vine
      .array(
        vine.object({
          label: localized,
          href: vine.string().startsWith('/'),
          icon: vine.string().optional(),
          permission: vine.string().regex(DOTTED).optional(),
          order: vine.number().optional(),
        })
      )
      .optional(),
    addon: vine
      .object({
        price: vine.number().withoutDecimals().min(0),
        billingCycle: vine.enum(['monthly', 'yearly', 'one_time']),
        activation: vine.enum(['auto', 'approval']),
      })
      .optional(),
    migrations: vine.string().optional(),
    pages: vine.string().optional(),
    queues: vine
      .array(
        vine.object({
          name: vine.string().regex(SNAKE),
          concurrency: vine.number().min(1).optional(),
        })
      )
      .optional(),
    jobs: vine
      .array(
        vine.object({
          name: vine.string().regex(/^[a-z][a-z0-9_-]*$/),
          handler: fn(),
          queue: vine.string().optional(),
          attempts: vine.number().min(1).max(50).optional(),
          backoffMs: vine.number().min(0).optional(),
        })
      )
      .optional(),
    schedules: vine
      .array(
        vine.object({
          job: vine.string(),
          every: vine.number().min(1000).optional(),
          cron: vine.string().optional(),
          perTenant: vine.boolean().optional(),
        })
      )
      .optional(),
    listeners: vine.record(vine.array(fn())).optional(),
    extensionPoints: vine
      .array(vine.object({ name: vine.string().regex(DOTTED), description: vine.string() }))
      .optional(),
    extensions: vine
      .array(
        vine.object({
          point: vine.object({ name: vine.string().regex(DOTTED) }).allowUnknownProperties(),
          implementation: fn(),
        })
      )
      .optional(),
    middleware: vine.record(fn()).optional(),
    commands: vine.array(fn()).optional(),
    demo: fn().optional(),
    routes: fn().optional(),
    lifecycle: vine
      .object({ enable: fn().optional(), disable: fn().optional(), boot: fn().optional() })
      .optional(),
  })
)

/**
 * Checks a manifest's shape and the consistency a schema cannot express
 * (schedules naming declared jobs, jobs naming declared queues).
 */
export async function validateManifest(
  candidate: unknown,
  origin: string
): Promise<PluginDefinition> {
  const label = typeof (candidate as any)?.id === 'string' ? `"${(candidate as any).id}"` : origin
  try {
    await manifestValidator.validate(candidate)
  } catch (error) {
    if (error instanceof vineErrors.E_VALIDATION_ERROR) {
      const detail = (error.messages as { field: string; message: string }[])
        .map((m) => `${m.field}: ${m.message}`)
        .join('; ')
      throw new PluginError('PLUGIN_MANIFEST_INVALID', `plugin ${label} (${origin}): ${detail}`, [
        label,
      ])
    }
    throw error
  }
  // Validation only checked; the original object keeps its functions and validators intact.
  const definition = candidate as PluginDefinition

  const queues = new Set(['default', ...(definition.queues ?? []).map((q) => q.name)])
  const jobs = new Set<string>()
  for (const job of definition.jobs ?? []) {
    if (jobs.has(job.name)) fail(`job "${job.name}" is declared twice`)
    jobs.add(job.name)
    if (job.queue && !queues.has(job.queue))
      fail(`job "${job.name}" uses undeclared queue "${job.queue}"`)
  }
  for (const schedule of definition.schedules ?? []) {
    if (!jobs.has(schedule.job)) fail(`schedule names undeclared job "${schedule.job}"`)
    if ((schedule.every === undefined) === (schedule.cron === undefined)) {
      fail(`schedule of "${schedule.job}" needs exactly one of "every" or "cron"`)
    }
  }
  if (definition.settings) {
    try {
      await definition.settings.validator.validate(definition.settings.defaults)
    } catch {
      fail('settings.defaults do not pass the settings validator')
    }
  }
  return definition

  function fail(message: string): never {
    throw new PluginError('PLUGIN_MANIFEST_INVALID', `plugin ${label} (${origin}): ${message}`, [
      label,
    ])
  }
}
