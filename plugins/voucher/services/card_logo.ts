import drive from '@adonisjs/drive/services/main'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/** PNG or JPEG by their first bytes: the only images the PDF writer embeds. */
function isEmbeddable(bytes: Uint8Array) {
  const png = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8
  return png || jpeg
}

/**
 * The tenant's uploaded logo for printing on cards, or null: no upload, a
 * file that is gone, or a format the PDF cannot embed (cards then print
 * without it rather than fail). A logo given only as a URL is not fetched.
 */
export async function cardLogo(
  trx: TransactionClientContract,
  tenantId: string
): Promise<Buffer | null> {
  const row = await trx.from('tenants').where('id', tenantId).select('logo_path').first()
  if (!row?.logo_path) return null
  try {
    const bytes = await drive.use().getBytes(row.logo_path)
    return isEmbeddable(bytes) ? Buffer.from(bytes) : null
  } catch {
    return null
  }
}
