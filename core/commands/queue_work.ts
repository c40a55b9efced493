import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import env from '#start/env'

/**
 * The worker process: runs every plugin queue and installs the declared
 * schedules. SIGTERM/SIGINT let running jobs finish before exiting.
 */
export default class QueueWork extends BaseCommand {
  static commandName = 'queue:work'
  static description = 'Run the job worker for every plugin queue (or the ones named)'
  static options: CommandOptions = { startApp: true, staysAlive: true }

  @flags.array({ description: 'Only these queues (e.g. mikrotik.default)' })
  declare queues?: string[]

  @flags.number({ description: 'Jobs run at once per queue, unless the plugin declares its own' })
  declare concurrency?: number

  async run() {
    const kernel = await this.app.container.make('kernel')
    await kernel.queue.syncSchedules()
    const names = this.queues?.length ? this.queues : kernel.queue.queueNames()
    kernel.queue.startWorkers(names, this.concurrency ?? env.get('QUEUE_CONCURRENCY', 5))
    this.logger.info(`worker started on ${names.join(', ')}`)

    const stop = async () => {
      this.logger.info('worker stopping: finishing running jobs')
      await this.app.terminate()
    }
    process.once('SIGTERM', stop)
    process.once('SIGINT', stop)
  }
}
