import { test } from '@japa/runner'
import { formatDate, formatMoney } from '../../resources/lib/format.js'

test.group('Panel | formatting', () => {
  test('amounts read as whole rupiah with Indonesian grouping', ({ assert }) => {
    assert.equal(formatMoney(150000), 'Rp 150.000')
    assert.equal(formatMoney(1250000), 'Rp 1.250.000')
    assert.equal(formatMoney(0), 'Rp 0')
    assert.equal(formatMoney(-5000), '-Rp 5.000')
  })

  test('dates show in the tenant time zone, not the machine one', ({ assert }) => {
    // 23:30 UTC on 31 Dec is already 1 Jan in Jakarta (UTC+7) but not in UTC.
    const instant = '2025-12-31T23:30:00Z'
    assert.equal(formatDate(instant, { timeZone: 'Asia/Jakarta' }), '1 Jan 2026')
    assert.equal(formatDate(instant, { timeZone: 'UTC' }), '31 Des 2025')
    assert.equal(formatDate(instant, { locale: 'en', withTime: true }), '1 Jan 2026, 06.30')
    assert.equal(formatDate('not a date'), '—')
  })
})
