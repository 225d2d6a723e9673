import { readFile } from "node:fs/promises";
import path from "node:path";

/** The size OpenGraph and Twitter recommend for a large share image. */
export const OG_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/** The address of an essay's generated share image (app/(site)/posts/[slug]/og.png/route.tsx). */
export function essayImagePath(slug: string): string {
  return `/posts/${encodeURIComponent(slug)}/og.png`;
}

type OgFont = { name: string; data: ArrayBuffer; weight: 400 | 700; style: "normal" };

let fonts: Promise<OgFont[]> | undefined;

/**
 * Inter for the share images, as WOFF from @fontsource/inter (satori, under next/og's
 * ImageResponse, reads TTF, OTF and WOFF but not WOFF2, the only format of the variable Inter the
 * pages use). Latin and Latin Extended, regular and bold; read once per process.
 */
export function ogFonts(): Promise<OgFont[]> {
  fonts ??= Promise.all(
    (["latin", "latin-ext"] as const).flatMap((subset) =>
      ([400, 700] as const).map(async (weight): Promise<OgFont> => {
        const file = path.join(process.cwd(), "node_modules", "@fontsource", "inter", "files", `inter-${subset}-${weight}-normal.woff`);
        const buffer = await readFile(file);
        const data = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
        return { name: "Inter", data, weight, style: "normal" };
      }),
    ),
  ).catch((error: unknown) => {
    fonts = undefined;
    throw error;
  });
  return fonts;
}
