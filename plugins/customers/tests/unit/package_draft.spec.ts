import { test } from '@japa/runner'
import { rateLimit } from '#core/services/package_mapping'
import {
  bytesToGb,
  gbToBytes,
  mbpsToKbps,
  previewRateLimit,
  type PackageDraft,
} from '../../ui/models/package.js'

const draft = (overrides: Partial<PackageDraft> = {}): PackageDraft => ({
  name: 'Home 20 Mbps',
  type: 'postpaid_monthly',
  periodDays: null,
  price: 220_000,
  service: 'pppoe',
  downloadMbps: 20,
  uploadMbps: 5,
  burstEnabled: false,
  burstDownloadMbps: null,
  burstUploadMbps: null,
  thresholdDownloadMbps: null,
  thresholdUploadMbps: null,
  burstSeconds: 16,
  quotaGb: null,
  profileName: 'home-20m',
  addressPool: '',
  active: true,
  ...overrides,
})

/** What the server will send routers for the same fields. */
const server = (d: PackageDraft) =>
  rateLimit({
    downloadKbps: mbpsToKbps(d.downloadMbps)!,
    uploadKbps: mbpsToKbps(d.uploadMbps)!,
    burst: d.burstEnabled
      ? {
          downloadKbps: mbpsToKbps(d.burstDownloadMbps)!,
          uploadKbps: mbpsToKbps(d.burstUploadMbps)!,
          thresholdDownloadKbps: mbpsToKbps(d.thresholdDownloadMbps)!,
          thresholdUploadKbps: mbpsToKbps(d.thresholdUploadMbps)!,
          timeSeconds: d.burstSeconds!,
        }
      : null,
  })

test.group('Customers | package editor', () => {
  test('the editor previews exactly the Mikrotik-Rate-Limit the server maps to', ({ assert }) => {
    const cases = [
      draft(),
      draft({ downloadMbps: 1.5, uploadMbps: 0.512 }),
      draft({
        burstEnabled: true,
        burstDownloadMbps: 30,
        burstUploadMbps: 8,
        thresholdDownloadMbps: 15,
        thresholdUploadMbps: 4,
        burstSeconds: 16,
      }),
      draft({
        downloadMbps: 1000,
        uploadMbps: 1000,
        burstEnabled: true,
        burstDownloadMbps: 2000,
        burstUploadMbps: 1500,
        thresholdDownloadMbps: 750,
        thresholdUploadMbps: 0.5,
        burstSeconds: 8,
      }),
    ]
    for (const d of cases) assert.equal(previewRateLimit(d), server(d))
    assert.equal(previewRateLimit(cases[2]), '5M/20M 8M/30M 4M/15M 16/16')
  })

  test('an unfinished form previews what it can, and GB round-trip to bytes', ({ assert }) => {
    assert.isNull(previewRateLimit(draft({ downloadMbps: null })))
    // Burst half filled in: only the base rate is certain yet.
    assert.equal(previewRateLimit(draft({ burstEnabled: true, burstDownloadMbps: 30 })), '5M/20M')
    assert.equal(gbToBytes(30), 30 * 2 ** 30)
    assert.equal(bytesToGb(gbToBytes(1.5)!), 1.5)
    assert.isNull(gbToBytes(null))
  })
})
