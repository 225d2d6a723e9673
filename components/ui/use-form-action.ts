"use client";

import { startTransition, useActionState, useLayoutEffect, useRef, useState, useTransition, type FormEvent } from "react";

/** What `<form {...props}>` takes from useFormAction. */
export interface FormActionProps {
  action: (formData: FormData) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}

/** The outcome fields this hook acts on; every form state has them (lib/forms/state.ts). */
interface Outcome {
  ok?: boolean;
  /** Set by navigateFresh (lib/forms/navigate.ts): the page to load next, in full. */
  redirectTo?: string;
}

/**
 * Loads `url` as a full page. A target that differs from the current page only by its #hash
 * would merely scroll, so the page is reloaded then.
 */
function loadFresh(url: string): void {
  const target = new URL(url, window.location.href);
  const here = window.location;
  if (target.pathname === here.pathname && target.search === here.search) {
    if (target.hash) here.hash = target.hash;
    here.reload();
  } else {
    here.assign(target.href);
  }
}

/**
 * A form bound to a server action, like `useActionState`, without React's automatic reset.
 *
 * Given `<form action={fn}>`, React resets every uncontrolled field once the action has
 * finished, in a commit of its own that can land after the returned state is on screen. A
 * person who starts typing as soon as the error shows can have the text they are typing
 * replaced by the old value (the suite caught it: "   " typed into a comment box became
 * "   Typed with care…"). Here the submission is sent from `onSubmit` inside a transition, which
 * React documents as the way to run a form action without the reset, so the fields keep what the
 * person typed and what the action returned (`defaultValue`s) settle without a race. Without
 * JavaScript the form still posts to the action (`action` stays on the element, and the page
 * the server renders shows the action's outcome through `useActionState`).
 *
 * An outcome with `redirectTo` is followed with a full page load the moment the action answers,
 * not from an effect of the form: an action that expires cached data also refreshes the page in
 * place, and that refresh can unmount the form (a deleted comment's card becomes a tombstone).
 * After an outcome with `ok: true`, the form is reset to its (new) defaults, as a successful
 * form should be: a changed password does not stay in its field. After any other outcome,
 * password fields are emptied, as the page rendered without JavaScript has them (what the
 * action returns never holds a password); everything else stays as typed.
 */
export function useFormAction<S extends Outcome>(
  serverAction: (state: Awaited<S>, formData: FormData) => S | Promise<S>,
  initial: Awaited<S>,
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void,
): [state: Awaited<S>, form: FormActionProps, pending: boolean] {
  // The outcome of a post made without JavaScript (rendered by the server), or `initial`.
  const [served, dispatch] = useActionState(serverAction, initial);
  // The outcome of the last submission made with JavaScript, once there is one.
  const [answered, setAnswered] = useState<{ state: Awaited<S> } | null>(null);
  const [pending, startSending] = useTransition();
  const state = answered?.state ?? served;
  const submitted = useRef<HTMLFormElement | null>(null);
  // In the commit that shows the outcome, before the browser handles another keystroke.
  useLayoutEffect(() => {
    const form = submitted.current;
    if (!form) return;
    if (state.ok) form.reset();
    else for (const input of form.querySelectorAll<HTMLInputElement>('input[type="password"]')) input.value = "";
  }, [state]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    onSubmit?.(event);
    if (event.defaultPrevented) return;
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    submitted.current = event.currentTarget;
    const data = new FormData(event.currentTarget, submitter);
    startSending(async () => {
      const next: Awaited<S> = await Promise.resolve(serverAction(state, data));
      if (next.redirectTo) return loadFresh(next.redirectTo);
      // A state update after an await needs a transition of its own (React's documented caveat).
      startTransition(() => setAnswered({ state: next }));
    });
  };
  return [state, { action: dispatch, onSubmit: submit }, pending];
}
