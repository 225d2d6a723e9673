/**
 * A GET search form (works without JavaScript): one labelled search box sent as `q`, plus any
 * hidden parameters the list keeps (a status filter, say).
 */
export function SearchForm({
  id,
  label,
  placeholder,
  query,
  action,
  keep = {},
  maxLength,
  className = "",
}: {
  id: string;
  /** For screen readers (the box shows `placeholder`). */
  label: string;
  placeholder: string;
  query: string;
  action?: string;
  keep?: Record<string, string>;
  maxLength?: number;
  className?: string;
}) {
  return (
    <form method="get" action={action} role="search" className={`flex gap-2 ${className}`}>
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        name="q"
        type="search"
        defaultValue={query}
        placeholder={placeholder}
        maxLength={maxLength}
        className="w-full rounded-md border border-stone-300 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-800"
      />
      <button type="submit" className="rounded-full border border-stone-300 px-4 py-2 text-sm font-medium dark:border-stone-600">
        Search
      </button>
    </form>
  );
}
