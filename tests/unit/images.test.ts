import { describe, expect, it } from "vitest";
import { MIME_BY_EXT, sniffImage, UPLOAD_NAME } from "@/lib/uploads/images";

const bytes = (...parts: Array<number[] | string>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));
const b64 = (s: string) => new Uint8Array(Buffer.from(s, "base64"));

// Complete 1×1 images, as real encoders write them.
const PNG_1X1 = b64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
const GIF89A_1X1 = b64("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
const WEBP_1X1 = b64("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

// Headers of the other variants.
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_JFIF = bytes(
  [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10],
  "JFIF",
  [0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00],
);
const JPEG_EXIF = bytes([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x18], "Exif", [0x00, 0x00, 0x49, 0x49, 0x2a, 0x00]);
const JPEG_RAW = bytes([0xff, 0xd8, 0xff, 0xdb, 0x00, 0x43, 0x00]);
const GIF87A = bytes("GIF87a", [0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00]);
const WEBP_VP8 = bytes("RIFF", [0x24, 0x00, 0x00, 0x00], "WEBPVP8 ", [0x18, 0x00, 0x00, 0x00]);

describe("sniffImage recognizes real images by their first bytes", () => {
  it.each([
    ["a complete PNG", PNG_1X1, "png", "image/png"],
    ["a bare PNG signature", bytes(PNG_SIGNATURE), "png", "image/png"],
    ["a JFIF JPEG", JPEG_JFIF, "jpg", "image/jpeg"],
    ["an Exif JPEG", JPEG_EXIF, "jpg", "image/jpeg"],
    ["a raw JPEG (DQT first)", JPEG_RAW, "jpg", "image/jpeg"],
    ["a GIF87a", GIF87A, "gif", "image/gif"],
    ["a complete GIF89a", GIF89A_1X1, "gif", "image/gif"],
    ["a complete lossless WebP", WEBP_1X1, "webp", "image/webp"],
    ["a lossy WebP header", WEBP_VP8, "webp", "image/webp"],
  ] as Array<[string, Uint8Array, string, string]>)("%s", (_label, input, ext, mime) => {
    expect(sniffImage(input)).toEqual({ ext, mime });
    expect(MIME_BY_EXT[ext]).toBe(mime);
  });

  it("looks at the bytes, not at what type of view holds them", () => {
    expect(sniffImage(Buffer.from(PNG_1X1))).toEqual({ ext: "png", mime: "image/png" });
    const offset = new Uint8Array(GIF89A_1X1.length + 4);
    offset.set(GIF89A_1X1, 4);
    expect(sniffImage(offset.subarray(4))).toEqual({ ext: "gif", mime: "image/gif" });
  });
});

describe("sniffImage refuses everything else", () => {
  it.each([
    ["empty", bytes()],
    ["an SVG", bytes('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><script>alert(1)</script></svg>')],
    ["an SVG with an XML declaration", bytes('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')],
    ["an SVG after a BOM", bytes([0xef, 0xbb, 0xbf], "<svg/>")],
    ["HTML", bytes("<!doctype html><html><body><img src=x onerror=alert(1)></body></html>")],
    ["HTML named .png", bytes("<html>\x89PNG\r\n\x1a\n</html>")],
    ["plain text", bytes("hello, world")],
    ["a PNG signature cut short (7 bytes)", bytes(PNG_SIGNATURE.slice(0, 7))],
    ["a PNG signature with a wrong last byte", bytes(PNG_SIGNATURE.slice(0, 7), [0x00])],
    [
      "a PNG signature with LF turned into CRLF (text-mode damage)",
      bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0d, 0x0a]),
    ],
    ["a lone 0x89", bytes([0x89])],
    ["JPEG start-of-image only (2 bytes)", bytes([0xff, 0xd8])],
    ["JPEG SOI without a marker", bytes([0xff, 0xd8, 0x00, 0xe0])],
    ["GIF8 only", bytes("GIF8")],
    ["GIF89 without the a", bytes("GIF89")],
    ["GIF88a", bytes("GIF88a", [0x01, 0x00])],
    ["gif89a in lower case", bytes("gif89a")],
    ["RIFF only", bytes("RIFF")],
    ["RIFF with size, no form type", bytes("RIFF", [0x24, 0x00, 0x00, 0x00])],
    ["RIFF....WEB (truncated)", bytes("RIFF", [0x24, 0x00, 0x00, 0x00], "WEB")],
    ["RIFF....WAVE", bytes("RIFF", [0x24, 0x00, 0x00, 0x00], "WAVEfmt ", [0x10, 0x00, 0x00, 0x00])],
    ["RIFF....AVI ", bytes("RIFF", [0x24, 0x00, 0x00, 0x00], "AVI LIST")],
    ["WEBP without RIFF", bytes("RIFX", [0x24, 0x00, 0x00, 0x00], "WEBPVP8 ")],
    ["a BMP", bytes("BM", [0x3a, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x36, 0x00])],
    ["a PDF", bytes("%PDF-1.7\n")],
    ["a ZIP", bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])],
    ["an ICO", bytes([0x00, 0x00, 0x01, 0x00, 0x01, 0x00])],
    ["a TIFF", bytes([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00])],
    ["a PNG signature after a leading byte", bytes([0x00], PNG_SIGNATURE)],
    ["zeros", new Uint8Array(64)],
  ] as Array<[string, Uint8Array]>)("%s", (_label, input) => {
    expect(sniffImage(input)).toBeNull();
  });
});

describe("upload names", () => {
  it("accepts only a 32-hex id with a known extension", () => {
    expect(UPLOAD_NAME.test(`${"a1".repeat(16)}.png`)).toBe(true);
    expect(UPLOAD_NAME.test(`${"0".repeat(32)}.webp`)).toBe(true);
    expect(UPLOAD_NAME.test(`${"0".repeat(32)}.svg`)).toBe(false);
    expect(UPLOAD_NAME.test(`${"0".repeat(31)}.png`)).toBe(false);
    expect(UPLOAD_NAME.test(`../${"0".repeat(32)}.png`)).toBe(false);
    expect(UPLOAD_NAME.test(`${"0".repeat(32)}.png.html`)).toBe(false);
    expect(UPLOAD_NAME.test(`${"A".repeat(32)}.png`)).toBe(false);
  });
});
