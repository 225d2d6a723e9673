import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { MARK_END, MARK_START, fts5Match, searchTerms, snippetHtml, snippetParts, tsqueryText } from "@/lib/search/terms";
import { SnippetText } from "@/components/search/snippet-text";
import { XSS_PAYLOADS } from "./xss-corpus";

const mark = (s: string) => `${MARK_START}${s}${MARK_END}`;

describe("searchTerms", () => {
  it("keeps words, drops every operator and punctuation", () => {
    expect(searchTerms('"lanterns*" AND( -harbour OR title:quay NEAR(x, 2)')).toEqual([
      "lanterns",
      "and",
      "harbour",
      "or",
      "title",
      "quay",
      "near",
      "x",
      // cut at MAX_TERMS (8)
    ]);
    expect(searchTerms('"')).toEqual([]);
    expect(searchTerms("*")).toEqual([]);
    expect(searchTerms("   ")).toEqual([]);
    expect(searchTerms("\u0000\uE000\uE001")).toEqual([]);
  });
  it("lower-cases, normalizes, deduplicates, keeps other scripts", () => {
    expect(searchTerms("Café CAFÉ ｆｕｌｌ Ünïcödé 東京 2026")).toEqual(["café", "full", "ünïcödé", "東京", "2026"]);
  });
  it("bounds the work", () => {
    expect(searchTerms("a".repeat(1000))).toEqual(["a".repeat(40)]);
    expect(searchTerms("x ".repeat(5000))).toEqual(["x"]);
  });
});

describe("engine queries", () => {
  it("quotes every FTS5 term", () => {
    expect(fts5Match(["and", "near", "or"])).toBe('"and" "near" "or"');
  });
  it("joins terms for plainto_tsquery", () => {
    expect(tsqueryText(["a", "b"])).toBe("a b");
  });
});

describe("snippetParts", () => {
  it("splits marked text", () => {
    expect(snippetParts(`one ${mark("two")} three ${mark("four")}`)).toEqual([
      { text: "one ", hit: false },
      { text: "two", hit: true },
      { text: " three ", hit: false },
      { text: "four", hit: true },
    ]);
  });
  it("drops stray and unbalanced markers", () => {
    expect(snippetParts(`a${MARK_END}b${MARK_START}${MARK_START}c${MARK_END}${MARK_END}d${MARK_START}e`)).toEqual([
      { text: "ab", hit: false },
      { text: "c", hit: true },
      { text: "de", hit: false },
    ]);
    expect(snippetParts("")).toEqual([]);
  });
});

describe("snippets never carry markup from content", () => {
  for (const payload of XSS_PAYLOADS) {
    it(`escapes ${JSON.stringify(payload).slice(0, 60)}`, () => {
      const parts = snippetParts(`${payload} ${mark("word")} ${payload}`);
      for (const html of [snippetHtml(parts), renderToStaticMarkup(createElement(SnippetText, { parts }))]) {
        // The only elements are our <mark>s: every "<" of the content is escaped.
        expect(html.replace(/<mark(?: class="[^"<>]*")?>|<\/mark>/g, "")).not.toMatch(/</);
        expect(html).toMatch(/<mark(?: class="[^"<>]*")?>word<\/mark>/);
      }
    });
  }
});
