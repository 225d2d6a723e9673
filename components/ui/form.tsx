import type { ChangeEvent, ReactNode } from "react";

const inputClass =
  "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-stone-900 shadow-sm focus:border-amber-600 focus:outline-none focus:ring-2 focus:ring-amber-600/30 aria-[invalid=true]:border-red-600 dark:border-stone-600 dark:bg-stone-800 dark:text-stone-100";

/** The ids of a field's hint and error, for aria-describedby. */
function describedByFor(id: string, hint: ReactNode, error: string | undefined): string | undefined {
  return [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
}

/** A field's hint and its error message, right below it. */
function FieldNotes({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-stone-500 dark:text-stone-400">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** What a field's control says to screen readers: invalid or not, and which notes describe it. */
function controlAria(id: string, hint: ReactNode, error: string | undefined) {
  return { "aria-invalid": error ? true : undefined, "aria-describedby": describedByFor(id, hint, error) } as const;
}

/** The frame every text-like field shares: its label above, the control, its notes below. */
function LabelledControl({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800 dark:text-stone-200">
        {label}
      </label>
      {children}
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

/** A labelled input with its error message right below it (linked for screen readers). */
export function Field({
  name,
  id: givenId,
  label,
  type = "text",
  error,
  defaultValue,
  hint,
  autoComplete,
  required,
  maxLength,
  minLength,
  disabled,
  list,
  placeholder,
  min,
  max,
}: {
  name: string;
  /** Needed when two forms on a page have a field of the same name. */
  id?: string;
  /** The id of a <datalist> of suggestions. */
  list?: string;
  placeholder?: string;
  label: string;
  type?: string;
  error?: string;
  defaultValue?: string;
  hint?: ReactNode;
  autoComplete?: string;
  required?: boolean;
  maxLength?: number;
  minLength?: number;
  /** Bounds of a number field. */
  min?: number;
  max?: number;
  disabled?: boolean;
}) {
  const id = givenId ?? `field-${name}`;
  return (
    <LabelledControl id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        required={required}
        maxLength={maxLength}
        minLength={minLength}
        min={min}
        max={max}
        disabled={disabled}
        list={list}
        placeholder={placeholder}
        {...controlAria(id, hint, error)}
        className={inputClass}
      />
    </LabelledControl>
  );
}

export function TextArea({
  name,
  label,
  error,
  defaultValue,
  rows = 4,
  maxLength,
  hint,
}: {
  name: string;
  label: string;
  error?: string;
  defaultValue?: string;
  rows?: number;
  maxLength?: number;
  hint?: ReactNode;
}) {
  const id = `field-${name}`;
  return (
    <LabelledControl id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        defaultValue={defaultValue}
        {...controlAria(id, hint, error)}
        className={inputClass}
      />
    </LabelledControl>
  );
}

/** A labelled file picker, with its hint and error like the other fields. */
export function FileField({
  name,
  label,
  accept,
  multiple,
  hint,
  error,
  onChange,
}: {
  name: string;
  label: string;
  accept: string;
  multiple?: boolean;
  hint?: ReactNode;
  error?: string;
  /** E.g. to refuse a file that is too large before it is sent. */
  onChange?: (event: ChangeEvent<HTMLInputElement>) => void;
}) {
  const id = `field-${name}`;
  return (
    <LabelledControl id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        type="file"
        accept={accept}
        multiple={multiple}
        {...controlAria(id, hint, error)}
        className="mt-1 block w-full text-sm"
        onChange={onChange}
      />
    </LabelledControl>
  );
}

/** A labelled choice among options, with its hint and error like the other fields. */
export function Select({
  name,
  label,
  options,
  defaultValue,
  error,
  hint,
}: {
  name: string;
  label: string;
  options: readonly (readonly [value: string, label: string])[];
  defaultValue?: string;
  error?: string;
  hint?: ReactNode;
}) {
  const id = `field-${name}`;
  return (
    <LabelledControl id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        {...controlAria(id, hint, error)}
        className="mt-1 block rounded-md border border-stone-300 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-800"
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </LabelledControl>
  );
}

/** A labelled checkbox with its hint below (sent as "on" when ticked). */
export function Checkbox({ name, label, checked, hint }: { name: string; label: string; checked: boolean; hint?: ReactNode }) {
  const id = `field-${name}`;
  return (
    <div>
      <label htmlFor={id} className="flex items-center gap-2 text-sm font-medium">
        <input
          id={id}
          type="checkbox"
          name={name}
          defaultChecked={checked}
          aria-describedby={describedByFor(id, hint, undefined)}
          className="h-4 w-4"
        />
        {label}
      </label>
      <FieldNotes id={id} hint={hint} />
    </div>
  );
}

/** The form-level outcome: an error (role=alert) or a confirmation (role=status). */
export function FormMessage({ message, ok }: { message?: string; ok?: boolean }) {
  if (!message) return null;
  return ok ? (
    <p
      role="status"
      className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
    >
      {message}
    </p>
  ) : (
    <p
      role="alert"
      className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      {message}
    </p>
  );
}

export function SubmitButton({
  children,
  pending,
  variant = "primary",
}: {
  children: ReactNode;
  pending?: boolean;
  variant?: "primary" | "secondary";
}) {
  const base =
    "inline-flex items-center justify-center rounded-full px-5 py-2.5 text-sm font-semibold transition disabled:opacity-60";
  const look =
    variant === "primary"
      ? "bg-amber-700 text-white hover:bg-amber-800"
      : "border border-stone-300 bg-white text-stone-800 hover:border-amber-600 dark:border-stone-600 dark:bg-stone-800 dark:text-stone-100";
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={`${base} ${look}`}>
      {children}
    </button>
  );
}
