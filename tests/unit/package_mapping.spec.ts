import { test } from '@japa/runner'
import { burstProblems, formatRate, mapPackage } from '#core/services/package_mapping'

const basic = { downloadKbps: 10_000, uploadKbps: 2_000, profileName: 'paket-10m' }

test.group('Package mapping | speeds', () => {
  test('rates use the largest whole RouterOS unit', ({ assert }) => {
    assert.equal(formatRate(10_000), '10M')
    assert.equal(formatRate(1_500), '1500k')
    assert.equal(formatRate(512), '512k')
    assert.equal(formatRate(1_000_000), '1G')
    assert.throws(() => formatRate(1.5), /PACKAGE_RATE_INVALID/)
  })

  test('the rate limit is upload/download, as the router sees it', ({ assert }) => {
    const { reply, mikrotikProfile } = mapPackage(basic)
    assert.deepEqual(reply, { 'Mikrotik-Rate-Limit': '2M/10M', 'Acct-Interim-Interval': 300 })
    assert.deepEqual(mikrotikProfile, { 'name': 'paket-10m', 'rate-limit': '2M/10M' })
  })

  test('session timeout and interim interval pass through', ({ assert }) => {
    const { reply } = mapPackage({
      ...basic,
      sessionTimeoutSeconds: 3600,
      interimIntervalSeconds: 60,
    })
    assert.equal(reply['Session-Timeout'], 3600)
    assert.equal(reply['Acct-Interim-Interval'], 60)
  })
})

test.group('Package mapping | burst', () => {
  const burst = {
    downloadKbps: 15_000,
    uploadKbps: 3_000,
    thresholdDownloadKbps: 7_500,
    thresholdUploadKbps: 1_500,
    timeSeconds: 16,
  }

  test('burst adds rates, thresholds and time in the same rx/tx order', ({ assert }) => {
    const { reply, mikrotikProfile } = mapPackage({ ...basic, burst })
    assert.equal(reply['Mikrotik-Rate-Limit'], '2M/10M 3M/15M 1500k/7500k 16/16')
    assert.equal(mikrotikProfile['rate-limit'], '2M/10M 3M/15M 1500k/7500k 16/16')
  })

  test('a burst that could never start is reported by field', ({ assert }) => {
    assert.deepEqual(burstProblems({ ...basic, burst }), [])
    const bad = { ...burst, downloadKbps: 10_000, thresholdUploadKbps: 2_500 }
    assert.deepEqual(
      burstProblems({ ...basic, burst: bad }).map((p) => p.field),
      ['burst.downloadKbps', 'burst.thresholdUploadKbps']
    )
  })
})

test.group('Package mapping | quota', () => {
  test('a quota under 4 GiB needs no gigawords', ({ assert }) => {
    const { reply } = mapPackage({ ...basic, quotaBytes: 1_073_741_824 })
    assert.equal(reply['Mikrotik-Total-Limit'], 1_073_741_824)
    assert.equal(reply['Mikrotik-Total-Limit-Gigawords'], 0)
  })

  test('a quota above 4 GiB is split at 2^32', ({ assert }) => {
    const tenGiB = 10 * 1024 ** 3
    const { reply } = mapPackage({ ...basic, quotaBytes: tenGiB })
    assert.equal(reply['Mikrotik-Total-Limit-Gigawords'], 2)
    assert.equal(reply['Mikrotik-Total-Limit'], tenGiB - 2 * 2 ** 32)
    const total =
      Number(reply['Mikrotik-Total-Limit-Gigawords']) * 2 ** 32 +
      Number(reply['Mikrotik-Total-Limit'])
    assert.equal(total, tenGiB)
  })

  test('no quota means no limit attributes', ({ assert }) => {
    const { reply } = mapPackage({ ...basic, quotaBytes: null })
    assert.notProperty(reply, 'Mikrotik-Total-Limit')
    assert.notProperty(reply, 'Mikrotik-Total-Limit-Gigawords')
  })
})

test.group('Package mapping | addressing', () => {
  test('a pool goes to Framed-Pool and to the profile of the right menu', ({ assert }) => {
    const ppp = mapPackage({ ...basic, addressPool: 'pool-10m', addressList: 'pelanggan' })
    assert.equal(ppp.reply['Framed-Pool'], 'pool-10m')
    assert.equal(ppp.reply['Mikrotik-Address-List'], 'pelanggan')
    assert.notProperty(ppp.reply, 'Framed-IP-Address')
    assert.deepInclude(ppp.mikrotikProfile, {
      'remote-address': 'pool-10m',
      'address-list': 'pelanggan',
    })

    const hotspot = mapPackage({ ...basic, addressPool: 'pool-hs', service: 'hotspot' })
    assert.equal(hotspot.mikrotikProfile['address-pool'], 'pool-hs')
    assert.notProperty(hotspot.mikrotikProfile, 'remote-address')
  })

  test('a static IP wins over the pool and stays out of the shared profile', ({ assert }) => {
    const { reply, mikrotikProfile } = mapPackage({
      ...basic,
      addressPool: 'pool-10m',
      staticIp: '10.20.0.15',
    })
    assert.equal(reply['Framed-IP-Address'], '10.20.0.15')
    assert.notProperty(reply, 'Framed-Pool')
    assert.notInclude(Object.values(mikrotikProfile), '10.20.0.15')
  })
})
