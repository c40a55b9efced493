import vine from '@vinejs/vine'
import { CUSTOMER_STATUSES, customerFields } from './customers.js'
import { SUBSCRIPTION_STATUSES, subscriptionFields } from './subscriptions.js'
import { text } from './shared.js'

/** One CSV line's customer part, checked like `POST /customers`. */
export const importCustomerRow = vine.create(
  vine.object({ ...customerFields(), status: vine.enum(CUSTOMER_STATUSES).optional() })
)

/** One CSV line's account part, checked like `POST /subscriptions`, the package named instead of its id. */
export const importSubscriptionRow = vine.create(
  vine.object(
    (() => {
      const { customerId, packageId, ...fields } = subscriptionFields()
      return {
        ...fields,
        package: text().minLength(1).maxLength(80),
        status: vine.enum(SUBSCRIPTION_STATUSES).optional(),
      }
    })()
  )
)

export const importQuery = vine.create(vine.object({ dryRun: vine.boolean().optional() }))

export const importBody = vine.create(vine.object({ csv: vine.string().minLength(1) }))
