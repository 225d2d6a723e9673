"use client";

import { startTransition, useActionState, useLayoutEffect, useRef, type FormEvent } from "react";

/** What `<form {...props}>` takes from useFormAction. */
export interface FormActionProps {
  action: (formData: FormData) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}

/**
 * A form bound to a server action, like `useActionState`, without React's automatic reset.
 *
 * Given `<form action={fn}>`, React resets every uncontrolled field once the action has
 * finished, in a commit of its own that can land after the returned state is on screen. A
 * person who starts typing as soon as the error shows can have the text they are typing
 * replaced by the old value (the suite caught it: "   " typed into a comment box became
 * "   Typed with care…"). Here the submission is dispatched from `onSubmit` inside a
 * transition, which React documents as the way to run a form action without the reset, so the
 * fields keep what the person typed and what the action returned (`defaultValue`s) settle
 * without a race. Without JavaScript the form still posts to the action (`action` stays on the
 * element). After an outcome with `ok: true`, the form is reset to its (new) defaults, as a
 * successful form should be: a changed password does not stay in its field. After any other
 * outcome, password fields are emptied, as the page rendered without JavaScript has them (what
 * the action returns never holds a password); everything else stays as typed.
 */
export function useFormAction<S extends { ok?: boolean }>(
  serverAction: (state: Awaited<S>, formData: FormData) => S | Promise<S>,
  initial: Awaited<S>,
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void,
): [state: Awaited<S>, form: FormActionProps, pending: boolean] {
  const [state, dispatch, pending] = useActionState(serverAction, initial);
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
    startTransition(() => dispatch(data));
  };
  return [state, { action: dispatch, onSubmit: submit }, pending];
}
