// Reading a card's QR code from an image file in the browser. jsQR (about 40 KB
// gzip) is imported here dynamically, so it loads only when someone reads an image
// on the verification page, never with the first page.
import { readQr, type QrReader } from './card'

/** The file is not an image the browser can decode. */
export class ImageReadError extends Error {
  constructor(cause?: unknown) {
    super('image could not be decoded')
    this.name = 'ImageReadError'
    if (cause !== undefined) (this as { cause?: unknown }).cause = cause
  }
}

type Drawable = CanvasImageSource & { width: number; height: number }

async function loadImage(file: Blob): Promise<{ image: Drawable; width: number; height: number; close: () => void }> {
  if (typeof createImageBitmap === 'function') {
    try {
      const bmp = await createImageBitmap(file, { imageOrientation: 'from-image' })
      return { image: bmp, width: bmp.width, height: bmp.height, close: () => bmp.close() }
    } catch {
      /* try an <img> below (older Safari; some formats) */
    }
  }
  const url = URL.createObjectURL(file)
  try {
    const img = new Image()
    img.decoding = 'async'
    img.src = url
    await img.decode()
    return { image: img, width: img.naturalWidth, height: img.naturalHeight, close: () => undefined }
  } catch (e) {
    throw new ImageReadError(e)
  } finally {
    URL.revokeObjectURL(url)
  }
}

/** The text of the QR code in an image (normalised), or null when it shows none. */
export async function readQrFromImage(file: Blob): Promise<string | null> {
  const [mod, loaded] = await Promise.all([import('jsqr'), loadImage(file)])
  const reader = mod.default as unknown as QrReader
  const canvas = document.createElement('canvas')
  const ctx = canvas.getContext('2d', { willReadFrequently: true })
  if (!ctx || !(loaded.width > 0)) {
    loaded.close()
    throw new ImageReadError()
  }
  try {
    return readQr(
      reader,
      (w, h) => {
        canvas.width = w
        canvas.height = h
        // White under a transparent PNG: transparent pixels would otherwise read as black.
        ctx.fillStyle = '#fff'
        ctx.fillRect(0, 0, w, h)
        ctx.imageSmoothingQuality = 'high'
        ctx.drawImage(loaded.image, 0, 0, w, h)
        return ctx.getImageData(0, 0, w, h)
      },
      loaded.width,
      loaded.height,
    )
  } finally {
    loaded.close()
  }
}

/** An image file among those of a paste or a drop, if any. */
export function imageFileOf(list: FileList | DataTransferItemList | null | undefined): File | null {
  if (!list) return null
  for (let i = 0; i < list.length; i++) {
    const item = list[i]
    if (item instanceof File) {
      if (item.type.startsWith('image/')) return item
    } else if (item && item.kind === 'file' && item.type.startsWith('image/')) {
      const f = item.getAsFile()
      if (f) return f
    }
  }
  return null
}
