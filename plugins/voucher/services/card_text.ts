/** Words printed on a card, in the operator's language; kept apart from the layout. */

export interface CardPackage {
  name: string
  price: number
  durationMinutes: number | null
  validityDays: number | null
  quotaBytes: number | null
}

/** Rupiah as printed in Indonesia: "Rp 5.000". */
export function rupiah(amount: number) {
  return `Rp ${new Intl.NumberFormat('id-ID').format(amount)}`
}

function duration(minutes: number) {
  if (minutes % 1440 === 0) return `${minutes / 1440} hari`
  if (minutes % 60 === 0) return `${minutes / 60} jam`
  return `${minutes} menit`
}

/** One short line: use time, validity and quota, only the ones the package has. */
export function packageTerms(pkg: CardPackage) {
  const parts: string[] = []
  if (pkg.durationMinutes) parts.push(duration(pkg.durationMinutes))
  if (pkg.validityDays) parts.push(`aktif ${pkg.validityDays} hari`)
  if (pkg.quotaBytes) parts.push(`${Math.round((pkg.quotaBytes / 2 ** 30) * 10) / 10} GB`)
  return parts.length ? parts.join(' · ') : 'tanpa batas waktu'
}

/** What the QR code opens: the hotspot login page with the code filled in. */
export function loginUrl(hotspotUrl: string, username: string, password: string) {
  const url = new URL('/login', hotspotUrl)
  url.searchParams.set('username', username)
  url.searchParams.set('password', password)
  return url.toString()
}
