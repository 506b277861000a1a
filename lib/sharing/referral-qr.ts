import QRCode from "qrcode";

export const QR_FORMATS = ["png", "svg"] as const;
export type QrFormat = (typeof QR_FORMATS)[number];

// Medium error correction survives a printed code that is slightly smudged or folded; the quiet-zone margin
// of 2 modules is what phone scanners need to find the code on a busy background.
const OPTIONS = { errorCorrectionLevel: "M", margin: 2 } as const;

/** The QR code for `url` as an SVG document (scales to any print size). */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { ...OPTIONS, type: "svg" });
}

/** The QR code for `url` as a 512 px PNG (for chats and slides that do not take SVG). */
export function qrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { ...OPTIONS, type: "png", width: 512 });
}

/** A download of the QR code: the file body, its type, and a file name naming the code. */
export async function qrFile(
  url: string,
  code: string,
  format: QrFormat,
): Promise<{ body: Uint8Array<ArrayBuffer> | string; contentType: string; fileName: string }> {
  const safeName = code.replace(/[^A-Za-z0-9_-]/g, "_");
  const fileName = `musenest-${safeName}-qr.${format}`;
  if (format === "svg") return { body: await qrSvg(url), contentType: "image/svg+xml", fileName };
  return { body: new Uint8Array(await qrPng(url)), contentType: "image/png", fileName };
}
