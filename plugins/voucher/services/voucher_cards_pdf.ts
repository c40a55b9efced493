import PDFDocument from 'pdfkit'
import QRCode from 'qrcode'
import type { PrintableVoucher } from './batch_queries.js'
import { loginUrl, packageTerms, rupiah, type CardPackage } from './card_text.js'

export type CardTemplate = 'a4' | 'thermal58'

const MM = 72 / 25.4
/** A4 in points; 4 × 8 cards of about 48 × 35 mm, cut along the lines. */
const A4 = { width: 595.28, height: 841.89, margin: 20, columns: 4, rows: 8 }
/** A 58 mm roll prints about 48 mm wide; one card per page so the printer cuts between them. */
const THERMAL = { width: 58 * MM, height: 70 * MM, margin: 5 * MM }

export const CARDS_PER_A4_PAGE = A4.columns * A4.rows

/** Draws the QR as vector squares, so it prints sharp at any size and needs no image codec. */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const count = qr.modules.size
  const cell = size / count
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.modules.get(row, col)) doc.rect(x + col * cell, y + row * cell, cell, cell)
    }
  }
  doc.fill('#000000')
  // Clicking the QR in the PDF opens the same page a phone would.
  doc.link(x, y, size, size, text)
}

interface Card {
  voucher: PrintableVoucher
  pkg: CardPackage
  mode: 'code' | 'user_pass'
  hotspotUrl: string | null
  title: string
  /** PNG or JPEG bytes printed beside the title */
  logo?: Buffer | null
}

function drawCard(doc: PDFKit.PDFDocument, card: Card, x: number, y: number, w: number, h: number) {
  doc.lineWidth(0.5).dash(3, { space: 2 }).rect(x, y, w, h).stroke('#999999').undash()
  const pad = 5
  const qrSize = card.hotspotUrl ? Math.min(h - 2 * pad, w * 0.42) : 0
  const textWidth = w - 2 * pad - (qrSize ? qrSize + pad : 0)
  doc.fillColor('#000000').font('Helvetica-Bold').fontSize(7)
  const logoSize = card.logo ? 9 : 0
  if (card.logo) doc.image(card.logo, x + pad, y + pad - 1, { fit: [logoSize, logoSize] })
  const titleX = x + pad + (logoSize ? logoSize + 2 : 0)
  doc.text(card.title, titleX, y + pad, {
    width: textWidth - (titleX - x - pad),
    height: 9,
    ellipsis: true,
  })
  doc.x = x + pad
  doc
    .font('Helvetica')
    .fontSize(6)
    .text(`${card.pkg.name} · ${packageTerms(card.pkg)}`, {
      width: textWidth,
      height: 16,
      ellipsis: true,
    })
  doc.font('Helvetica-Bold').fontSize(9).text(rupiah(card.pkg.price), { width: textWidth })
  doc.moveDown(0.2)
  const { username, password } = card.voucher
  if (card.mode === 'code') {
    doc.font('Courier-Bold').fontSize(11).text(username, { width: textWidth })
  } else {
    doc.font('Courier-Bold').fontSize(8).text(`User: ${username}`, { width: textWidth })
    doc.text(`Pass: ${password}`, { width: textWidth })
  }
  if (card.hotspotUrl) {
    const url = loginUrl(card.hotspotUrl, username, password)
    drawQr(doc, url, x + w - pad - qrSize, y + (h - qrSize) / 2, qrSize)
  }
}

/** The batch's cards as a PDF: an A4 grid to cut, or one card per 58 mm thermal slip. */
export function renderCardsPdf(
  cards: Omit<Card, 'voucher'> & { vouchers: PrintableVoucher[] },
  template: CardTemplate
): Promise<Buffer> {
  const thermal = template === 'thermal58'
  const doc = new PDFDocument({
    size: thermal ? [THERMAL.width, THERMAL.height] : [A4.width, A4.height],
    margin: 0,
    autoFirstPage: false,
    info: { Title: `${cards.title} vouchers` },
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  const cardW = (A4.width - 2 * A4.margin) / A4.columns
  const cardH = (A4.height - 2 * A4.margin) / A4.rows
  cards.vouchers.forEach((voucher, index) => {
    const card = { ...cards, voucher }
    if (thermal) {
      doc.addPage()
      const w = THERMAL.width - 2 * THERMAL.margin
      drawCard(doc, card, THERMAL.margin, THERMAL.margin, w, THERMAL.height - 2 * THERMAL.margin)
      return
    }
    const slot = index % CARDS_PER_A4_PAGE
    if (slot === 0) doc.addPage()
    const col = slot % A4.columns
    const row = Math.floor(slot / A4.columns)
    drawCard(doc, card, A4.margin + col * cardW, A4.margin + row * cardH, cardW, cardH)
  })
  doc.end()
  return done
}
