import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

export default class QueueFailed extends BaseCommand {
  static commandName = 'queue:failed'
  static description = 'Show failed jobs kept for inspection, newest first'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'How many to show', default: 50 })
  declare limit: number

  @flags.boolean({ description: 'Print JSON instead of a table' })
  declare json: boolean

  async run() {
    const kernel = await this.app.container.make('kernel')
    const failed = await kernel.queue.failedJobs(this.limit)
    if (this.json) {
      this.logger.log(JSON.stringify(failed, null, 2))
    } else if (!failed.length) {
      this.logger.info('No failed jobs.')
    } else {
      const table = this.ui.table()
      table.head(['Queue', 'Job', 'Id', 'Tenant', 'Attempts', 'Failed at', 'Reason'])
      for (const j of failed) {
        table.row([
          j.queue,
          j.name,
          String(j.id),
          j.tenantId ?? '-',
          String(j.attempts),
          j.failedAt ?? '-',
          j.failedReason ?? '',
        ])
      }
      table.render()
    }
    await kernel.queue.close()
  }
}
