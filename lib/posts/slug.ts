/** Longest slug we generate; long enough for a title, short enough for a readable URL. */
export const MAX_SLUG_LENGTH = 80;

/**
 * Turns a title (or any text) into a URL slug: lowercase ASCII letters, digits and single
 * hyphens. Accents are folded ("Café" → "cafe"); other scripts that have no ASCII form are
 * dropped, so the result can be empty — callers fall back to a generated slug then.
 */
export function slugify(input: string): string {
  const folded = input
    .replace(/[øØ]/g, "o")
    .replace(/ß/g, "ss")
    .replace(/[æÆ]/g, "ae")
    .replace(/[œŒ]/g, "oe")
    .replace(/[łŁ]/g, "l")
    .replace(/[đĐð]/g, "d")
    .replace(/[þÞ]/g, "th")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’`]/g, "");
  const slug = folded.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  // Cut at a hyphen so a word is not chopped in half.
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > 20 ? cut.slice(0, lastHyphen) : cut.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/g, "");
}

/** True when `slug` is exactly what a post or tag slug may look like. */
export function isValidSlug(slug: string): boolean {
  return slug.length > 0 && slug.length <= MAX_SLUG_LENGTH && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug);
}

/**
 * The first free slug among `base`, `base-2`, `base-3`, … (cut so the suffix fits), asking
 * `isTaken` about each. An empty base falls back to `fallback`.
 */
export async function uniqueSlug(
  base: string,
  isTaken: (slug: string) => Promise<boolean> | boolean,
  fallback: string = "untitled",
): Promise<string> {
  const root = isValidSlug(base) ? base : slugify(base) || fallback;
  if (!(await isTaken(root))) return root;
  for (let n = 2; n < 10_000; n++) {
    const suffix = `-${n}`;
    const head = root.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/g, "");
    const candidate = `${head}${suffix}`;
    if (!(await isTaken(candidate))) return candidate;
  }
  throw new Error(`No free slug for ${root}`);
}
