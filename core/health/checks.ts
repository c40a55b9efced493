import { BaseCheck, HealthChecks, Result } from '@adonisjs/core/health'
import { DbCheck } from '@adonisjs/lucid/database'
import { RedisCheck } from '@adonisjs/redis'
import db from '@adonisjs/lucid/services/db'
import redis from '@adonisjs/redis/services/main'
import kernel from '../services/kernel.js'

/** The queue is usable when BullMQ's own Redis connection answers. */
class QueueCheck extends BaseCheck {
  name = 'Queue (BullMQ) check'

  async run() {
    try {
      const started = Date.now()
      await Promise.race([
        kernel.queue.ping(),
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('no answer within 2s')), 2000)
        ),
      ])
      return Result.ok('Queue backend answers').setMetaData({ latencyMs: Date.now() - started })
    } catch (error) {
      return Result.failed('Queue backend does not answer', error as Error)
    }
  }
}

export const readinessChecks = new HealthChecks().register([
  new DbCheck(db.connection()),
  new RedisCheck(redis.connection()),
  new QueueCheck(),
])
