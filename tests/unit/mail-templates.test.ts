import { describe, expect, it } from "vitest";
import { magicLinkMail, verifyEmailMail } from "@/lib/mail/templates";

const URL_WITH_QUERY =
  "https://hearth.example/api/auth/callback/nodemailer?callbackUrl=https%3A%2F%2Fhearth.example%2F&token=abc123&email=ada%40example.com";

describe("magicLinkMail", () => {
  const plain = magicLinkMail({ url: URL_WITH_QUERY, siteTitle: "Hearth", host: "hearth.example", minutes: 15 });

  it("names the site in the subject", () => {
    expect(plain.subject).toBe("Sign in to Hearth");
  });

  it("puts the raw URL on a line of its own in the text part", () => {
    expect(plain.text.split("\n")).toContain(URL_WITH_QUERY);
    expect(plain.text).not.toContain("&amp;");
    expect(plain.text).toContain("hearth.example");
    expect(plain.text).toContain("15 minutes");
  });

  it("escapes the URL in the HTML part, in the link and in the visible copy", () => {
    const escaped = URL_WITH_QUERY.replace(/&/g, "&amp;");
    expect(plain.html).toContain(`href="${escaped}"`);
    expect(plain.html.split(escaped)).toHaveLength(3);
    // No raw "&" left anywhere outside an entity.
    expect(plain.html).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#\d+;|#x[0-9a-f]+;)/);
    expect(plain.html).toContain("15 minutes");
  });

  const hostile = magicLinkMail({
    url: 'https://hearth.example/cb?token=x"><script>alert(1)</script><a href="',
    siteTitle: `<img src=x onerror=alert(1)> Tom & Jerry's "Blog"`,
    host: "<b>host</b>",
    minutes: 10,
  });

  it("HTML-escapes the site title", () => {
    expect(hostile.html).toContain("<strong>&lt;img src=x onerror=alert(1)&gt; Tom &amp; Jerry&#x27;s &quot;Blog&quot;</strong>");
    expect(hostile.html).not.toContain("<img");
  });

  it("HTML-escapes the host", () => {
    expect(hostile.html).toContain("(&lt;b&gt;host&lt;/b&gt;)");
    expect(hostile.html).not.toContain("<b>");
  });

  it("cannot be broken out of the href attribute or into a script", () => {
    expect(hostile.html).not.toContain("<script>");
    expect(hostile.html).toContain('href="https://hearth.example/cb?token=x&quot;&gt;&lt;script&gt;');
    // Exactly one anchor: the sign-in button.
    expect(hostile.html.match(/<a\s/g)).toHaveLength(1);
  });

  it("keeps the text part raw (it is not HTML)", () => {
    expect(hostile.subject).toBe(`Sign in to <img src=x onerror=alert(1)> Tom & Jerry's "Blog"`);
    expect(hostile.text).toContain('https://hearth.example/cb?token=x"><script>alert(1)</script><a href="');
    expect(hostile.text).toContain(`Sign in to <img src=x onerror=alert(1)> Tom & Jerry's "Blog" (<b>host</b>)`);
  });
});

describe("verifyEmailMail", () => {
  const mail = verifyEmailMail({
    url: "https://hearth.example/verify-email?token=abc&x=1",
    siteTitle: "Hearth <b>",
    host: "hearth.example",
    name: "Ada",
    hours: 48,
  });

  it("says what the link does, for whom, and what to do if it was not you", () => {
    expect(mail.subject).toBe("Confirm your e-mail address for Hearth <b>");
    expect(mail.text.split("\n")).toContain("https://hearth.example/verify-email?token=abc&x=1");
    expect(mail.text).toContain("Hello Ada");
    expect(mail.text).toContain("48 hours");
    expect(mail.text).toContain("If you did not create this account");
  });

  it("escapes everything in the HTML part", () => {
    expect(mail.html).toContain('href="https://hearth.example/verify-email?token=abc&amp;x=1"');
    expect(mail.html).toContain("Hearth &lt;b&gt;");
    expect(mail.html).not.toContain("<b>");
  });
});
