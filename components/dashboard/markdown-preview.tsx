"use client";

import { useEffect, useRef, useState, type ReactNode, type RefObject } from "react";
import { renderPreviewAction } from "@/lib/posts/actions";
import { ESSAY_PROSE_CLASS } from "@/components/posts/essay-prose";

/** Re-render the preview this long after the last change while it is showing. */
const PREVIEW_DEBOUNCE_MS = 600;

/**
 * The body field with "Write" and "Preview" tabs (with JavaScript). The preview is rendered on
 * the server by the essay pipeline itself (renderEssay), so it is what readers will see.
 * Without JavaScript there are no tabs: the form's "Preview" button re-shows the form with the
 * rendered text below the field (`serverPreviewHtml`).
 */
export function MarkdownPreview({
  textarea,
  formRef,
  hydrated,
  serverPreviewHtml,
}: {
  textarea: ReactNode;
  formRef: RefObject<HTMLFormElement | null>;
  hydrated: boolean;
  serverPreviewHtml?: string;
}) {
  const [tab, setTab] = useState<"write" | "preview">("write");
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const request = useRef(0);

  const body = () => {
    const el = formRef.current?.elements.namedItem("bodyMarkdown");
    return el instanceof HTMLTextAreaElement ? el.value : "";
  };

  const render = async () => {
    const mine = ++request.current;
    setLoading(true);
    try {
      const result = await renderPreviewAction(body());
      if (mine !== request.current) return;
      if (result.ok) {
        setHtml(result.html);
        setError(null);
      } else setError(result.message);
    } catch {
      if (mine === request.current) setError("The preview could not be rendered. Try again.");
    } finally {
      if (mine === request.current) setLoading(false);
    }
  };

  // While the preview shows, follow edits made elsewhere (e.g. another tab switch), debounced.
  useEffect(() => {
    if (tab !== "preview") return;
    const form = formRef.current;
    if (!form) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onInput = (e: Event) => {
      if ((e.target as HTMLElement | null)?.getAttribute("name") !== "bodyMarkdown") return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void render(), PREVIEW_DEBOUNCE_MS);
    };
    form.addEventListener("input", onInput);
    return () => {
      form.removeEventListener("input", onInput);
      if (timer) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- render reads the form directly
  }, [tab, formRef]);

  const tabClass = (active: boolean) =>
    `rounded-t-md border-b-2 px-3 py-1.5 text-sm font-medium ${
      active ? "border-amber-700 text-stone-900 dark:text-stone-50" : "border-transparent text-stone-500 dark:text-stone-400 hover:text-amber-700 dark:hover:text-amber-400"
    }`;

  return (
    <div>
      {hydrated ? (
        <div role="tablist" aria-label="Essay editor" className="mb-2 flex gap-2 border-b border-stone-200 dark:border-stone-800">
          <button
            type="button"
            role="tab"
            id="tab-write"
            aria-selected={tab === "write"}
            aria-controls="panel-write"
            className={tabClass(tab === "write")}
            onClick={() => setTab("write")}
          >
            Write
          </button>
          <button
            type="button"
            role="tab"
            id="tab-preview"
            aria-selected={tab === "preview"}
            aria-controls="panel-preview"
            className={tabClass(tab === "preview")}
            onClick={() => {
              setTab("preview");
              void render();
            }}
          >
            Preview
          </button>
        </div>
      ) : null}
      {/* The field stays in the form (hidden, not removed) so saving from the Preview tab sends it. */}
      <div
        id="panel-write"
        role={hydrated ? "tabpanel" : undefined}
        aria-labelledby={hydrated ? "tab-write" : undefined}
        hidden={tab !== "write"}
      >
        {textarea}
      </div>
      {hydrated && tab === "preview" ? (
        <section
          id="panel-preview"
          role="tabpanel"
          aria-labelledby="tab-preview"
          aria-busy={loading}
          className="min-h-40 rounded-lg border border-stone-200 p-5 dark:border-stone-800"
        >
          {error ? <p role="alert">{error}</p> : null}
          {html === null ? (
            <p className="text-sm text-stone-500 dark:text-stone-400">Rendering…</p>
          ) : (
            // Rendered and sanitized on the server by the essay pipeline.
            <div className={ESSAY_PROSE_CLASS} data-testid="live-preview" dangerouslySetInnerHTML={{ __html: html }} />
          )}
        </section>
      ) : null}
      {!hydrated && serverPreviewHtml !== undefined ? (
        <section aria-label="Preview" className="mt-4 rounded-lg border border-stone-200 p-5 dark:border-stone-800">
          <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-stone-500 dark:text-stone-400">Preview</h2>
          <div className={ESSAY_PROSE_CLASS} dangerouslySetInnerHTML={{ __html: serverPreviewHtml }} />
        </section>
      ) : null}
    </div>
  );
}
