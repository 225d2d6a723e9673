import Link from "next/link";
import type { TagView } from "@/lib/posts/views";

export function TagList({ tags }: { tags: TagView[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-2" aria-label="Tags">
      {tags.map((t) => (
        <li key={t.slug}>
          <Link
            href={`/tags/${t.slug}`}
            className="rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-medium text-amber-900 hover:bg-amber-200 dark:bg-amber-900/40 dark:text-amber-100 dark:hover:bg-amber-900/70"
          >
            #{t.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
