import { configApp } from '@adonisjs/eslint-config'

export default configApp(
  {
    ignores: ['build/**', 'tmp/**', 'node_modules/**', '.tools/**', 'public/**', '.adonisjs/**'],
  },
  {
    rules: {
      // `(await query).rows` reads better than a temporary variable in tests and loaders.
      '@unicorn/no-await-expression-member': 'off',
    },
  }
)
