export { RouterOsConnection, connect } from './client.js'
export type {
  CommandOptions,
  CommandResult,
  PrintOptions,
  RouterClient,
  RouterConnectOptions,
  RouterParams,
  RouterRow,
} from './types.js'
export { RouterError, isRouterError } from './errors.js'
export type { RouterErrorCode, RouterErrorOptions } from './errors.js'
export { RouterPool } from './pool.js'
export type { RouterPoolOptions } from './pool.js'
export { challengeResponse } from './login.js'
export { attributeWord, commandWords, normalizeMenu, parseSentence } from './sentence.js'
export type { ParsedSentence } from './sentence.js'
export { API_SSL_CIPHERS } from './transport.js'
export {
  SentenceDecoder,
  decodeLength,
  encodeLength,
  encodeSentence,
  encodeWord,
  prefixSize,
} from './words.js'
