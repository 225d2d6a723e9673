/**
 * Accessibility checks with axe-core (@axe-core/playwright): the WCAG 2.1 A and AA rules, in the
 * light and the dark color scheme (the site's `dark:` variants follow prefers-color-scheme).
 * A failure lists every violation with its rule, impact, help link and the offending elements,
 * so it can be fixed from the test output alone.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

type Violations = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"];

/** Violations as text a person can act on (one block per rule, one line per element). */
export function formatViolations(violations: Violations): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map(
          (n) =>
            `    - ${n.target.join(" ")}\n      ${n.html.slice(0, 200)}\n      ${n.failureSummary?.replace(/\n/g, "\n      ") ?? ""}`,
        )
        .join("\n");
      return `[${v.impact ?? "?"}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join("\n\n");
}

/** The page's WCAG 2.1 A/AA violations in one color scheme. */
export async function axeViolations(page: Page, colorScheme: "light" | "dark"): Promise<Violations> {
  await page.emulateMedia({ colorScheme });
  // Colours change with a transition (Tailwind's transition-colors): let every running transition
  // end, or axe reads a colour halfway between the two schemes.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations;
}

/** Expects (softly: the test goes on, and fails at its end) no WCAG 2.1 A/AA violation on the page as it is now, in light and in dark. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  for (const scheme of ["light", "dark"] as const) {
    const violations = await axeViolations(page, scheme);
    // Soft: one run reports every page and scheme, not just the first that fails.
    expect.soft(formatViolations(violations), `axe on ${label} (${scheme})`).toBe("");
  }
  await page.emulateMedia({ colorScheme: "light" });
}
