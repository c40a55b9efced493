import app from '@adonisjs/core/services/app'
import type { Kernel } from '../kernel.js'

let kernel: Kernel

await app.booted(async () => {
  kernel = await app.container.make('kernel')
})

export { kernel as default }
