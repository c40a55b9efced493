import QRCode from 'qrcode'
import { loginUrl, packageTerms, rupiah, type CardPackage } from './card_text.js'
import type { PrintableVoucher } from './batch_queries.js'

/**
 * The first cards of a batch as data for the panel's print preview: the same
 * words and QR code the PDF prints, so the preview works on phones, which
 * seldom show a PDF inside a page.
 */
export async function previewCards(input: {
  vouchers: PrintableVoucher[]
  pkg: CardPackage
  mode: 'code' | 'user_pass'
  hotspotUrl: string | null
  limit: number
}) {
  const terms = `${input.pkg.name} · ${packageTerms(input.pkg)}`
  return Promise.all(
    input.vouchers.slice(0, input.limit).map(async (voucher) => ({
      username: voucher.username,
      password: input.mode === 'code' ? null : voucher.password,
      price: rupiah(input.pkg.price),
      terms,
      // Our own SVG of the login address: modules only, nothing from the request.
      qrSvg: input.hotspotUrl
        ? await QRCode.toString(loginUrl(input.hotspotUrl, voucher.username, voucher.password), {
            type: 'svg',
            margin: 0,
            errorCorrectionLevel: 'M',
          })
        : null,
    }))
  )
}
