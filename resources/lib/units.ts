/**
 * Speeds and quotas as operators read them. The server stores speeds in kbps
 * and quotas in bytes; forms show Mbps and GB.
 */
export const kbpsToMbps = (kbps: number) => Math.round(kbps / 100) / 10
export const mbpsToKbps = (mbps: number | null | string) =>
  mbps === null || mbps === '' || Number.isNaN(Number(mbps))
    ? null
    : Math.round(Number(mbps) * 1000)

/** Quotas are sold in GB (GiB, as routers count): 1 GB = 2^30 bytes. */
export const GIB = 2 ** 30
export const bytesToGb = (bytes: number) => Math.round((bytes / GIB) * 100) / 100
export const gbToBytes = (gb: number | null | string) =>
  gb === null || gb === '' || Number.isNaN(Number(gb)) ? null : Math.round(Number(gb) * GIB)

/** `10 / 2 Mbps`, download first as operators say it. */
export const formatSpeed = (downloadKbps: number, uploadKbps: number) =>
  `${kbpsToMbps(downloadKbps)} / ${kbpsToMbps(uploadKbps)} Mbps`
