import jsQR from "jsqr";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { qrFile, qrPng, qrSvg } from "./referral-qr";

const url = "https://musenest.app/r/ROSE10?src=qr";

function decodePng(buffer: Buffer | Uint8Array): string | undefined {
  const png = PNG.sync.read(Buffer.from(buffer));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

describe("referral QR codes", () => {
  it("renders a PNG that scans back to the src=qr invite link", async () => {
    const png = await qrPng(url);
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect(decodePng(png)).toBe(url);
  });

  it("renders an SVG document", async () => {
    const svg = await qrSvg(url);
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain("<path");
  });

  it.each([
    ["png", "image/png", "musenest-ROSE10-qr.png"],
    ["svg", "image/svg+xml", "musenest-ROSE10-qr.svg"],
  ] as const)("a %s download has type %s and name %s", async (format, contentType, fileName) => {
    const file = await qrFile(url, "ROSE10", format);
    expect(file.contentType).toBe(contentType);
    expect(file.fileName).toBe(fileName);
    if (format === "png") expect(decodePng(file.body as Uint8Array)).toBe(url);
  });

  it("keeps file names safe for any code", async () => {
    const file = await qrFile(url, 'A"B/C', "svg");
    expect(file.fileName).toBe("musenest-A_B_C-qr.svg");
  });
});
