/** Events this plugin emits, for listeners in other plugins (declared so emit and on are typed). */
export interface VoucherBatchGenerated {
  tenantId: string
  batchId: string
  count: number
}

declare module '@adonisjs/core/types' {
  interface EventsList {
    'voucher:batch_generated': VoucherBatchGenerated
  }
}
