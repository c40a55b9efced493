import app from '@adonisjs/core/services/app'
import { defineConfig, drivers } from '@adonisjs/core/hash'

const hashConfig = defineConfig({
  default: 'bcrypt',
  list: {
    // Tests hash many throwaway passwords; the cost there buys nothing.
    bcrypt: drivers.bcrypt({ rounds: app.inTest ? 4 : 12 }),
  },
})

export default hashConfig

declare module '@adonisjs/core/types' {
  export interface HashersList extends InferHashers<typeof hashConfig> {}
}
