import { describe, expect, it } from "vitest";
import { contrastRatio } from "@/lib/a11y/contrast";
import { likeTarget } from "@/lib/comments/views";
import { renderEssay } from "@/lib/markdown/essay";

describe("contrastRatio", () => {
  it("matches the WCAG definition", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#fff", "#fff")).toBe(1);
    // Order does not matter; #767676 on white is the classic 4.54:1.
    expect(contrastRatio("#ffffff", "#767676")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });
  it("refuses what is not a hex colour", () => {
    expect(() => contrastRatio("red", "#fff")).toThrow(/not a #rgb/);
  });
});

describe("likeTarget", () => {
  it("names whose comment a Like button likes", () => {
    expect(likeTarget("Ada Lovelace")).toBe("Ada Lovelace’s comment");
    expect(likeTarget("  Bea ")).toBe("Bea’s comment");
    expect(likeTarget("")).toBe("this comment");
  });
});

// Code blocks are coloured at save time by Shiki with a light and a dark theme (lib/markdown/essay.ts),
// on stone-100 (light) and stone-900 (dark) backgrounds (app/globals.css). Every token colour
// must meet WCAG AA for normal text (4.5:1) on its background.
const STONE_100 = "#f5f5f4";
const STONE_900 = "#1c1917";

describe("code block colours", () => {
  it("meet 4.5:1 in both color schemes for common languages", async () => {
    const markdown = [
      '```ts\n// a comment\nexport async function f(a: number, b = "s"): Promise<boolean> {\n  const re = /x+/g; return a > 0 && re.test(`t${b}`) || null === undefined;\n}\n```',
      "```css\n@media (prefers-color-scheme: dark) { .a > b::before { color: #fff !important; margin: 0 1px; } }\n```",
      "```html\n<!-- note --><a href=\"/x\" class='y'>&amp; text</a>\n```",
      '```json\n{ "a": 1, "b": [true, null, "s"] }\n```',
      '```sh\n# comment\nnpm run build -- --flag=$HOME && echo "done" | grep -v x\n```',
      '```python\n@decorator\ndef f(x: int = 3) -> str:\n    """doc"""\n    return f\'{x}\' if x else None  # end\n```',
      "```diff\n- removed line\n+ added line\n  context\n```",
    ].join("\n\n");
    const { html } = await renderEssay(markdown);
    const pairs = [...html.matchAll(/--shiki-(light|dark):(#[0-9a-fA-F]{3,8})/g)].map((m) => [m[1], m[2] ?? ""] as const);
    expect(pairs.length).toBeGreaterThan(20);
    const failing = pairs
      .map(([scheme, color]) => ({
        scheme,
        color,
        ratio: contrastRatio(color.slice(0, 7), scheme === "light" ? STONE_100 : STONE_900),
      }))
      .filter((p) => p.ratio < 4.5);
    expect(failing).toEqual([]);
  });
});
