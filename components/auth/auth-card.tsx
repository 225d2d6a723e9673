import type { ReactNode } from "react";

export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children?: ReactNode }) {
  return (
    <section className="mx-auto max-w-md">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">{title}</h1>
      {intro ? <div className="mt-2 text-stone-600 dark:text-stone-400">{intro}</div> : null}
      {children ? <div className="mt-8 flex flex-col gap-10">{children}</div> : null}
    </section>
  );
}
