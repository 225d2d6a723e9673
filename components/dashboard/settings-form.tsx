"use client";

import { type ReactNode } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import { Checkbox, Field, FormMessage, Select, SubmitButton, TextArea } from "@/components/ui/form";
import { initialFormState } from "@/lib/forms/state";
import type { SiteSettings } from "@/lib/settings/defaults";
import { SETTING_RANGES, type NumericSetting } from "@/lib/settings/schema";
import { updateSettingsAction } from "@/lib/settings/actions";

const sectionClass = "flex flex-col gap-4 rounded-lg border border-stone-200 p-5 dark:border-stone-800";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className={sectionClass}>
      <legend className="px-1 text-lg font-semibold">{title}</legend>
      {children}
    </fieldset>
  );
}

const ORDERS = [
  ["oldest", "Oldest first"],
  ["newest", "Newest first"],
  ["likes", "Most liked first"],
] as const;

/**
 * Every site setting in one form (works without JavaScript). After a failed save the form
 * shows what was typed, with each error next to its field.
 */
export function SettingsForm({ settings }: { settings: SiteSettings }) {
  const [state, form, pending] = useFormAction(updateSettingsAction, initialFormState);
  const typed = state.values;
  // After a submission, what was typed wins; a checkbox that was not sent was unticked.
  const text = (name: keyof SiteSettings) => typed?.[name] ?? String(settings[name]);
  const ticked = (name: keyof SiteSettings) => (typed ? typed[name] === "on" : Boolean(settings[name]));
  const e = state.errors ?? {};
  /** A number field: its bounds (from the schema) as input limits and at the start of its hint. */
  const numberField = (name: NumericSetting, label: string, hint?: string) => {
    const [min, max] = SETTING_RANGES[name];
    const range = `${min} to ${max}`;
    return (
      <Field
        name={name}
        label={label}
        type="number"
        min={min}
        max={max}
        defaultValue={text(name)}
        error={e[name]}
        hint={hint ? `${range}${hint}` : `${range}.`}
      />
    );
  };
  return (
    <form {...form} className="flex flex-col gap-6" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      <Section title="Site">
        <Field name="siteTitle" label="Site title" required maxLength={80} defaultValue={text("siteTitle")} error={e.siteTitle} />
        <TextArea
          name="siteDescription"
          label="Description"
          rows={2}
          maxLength={300}
          defaultValue={text("siteDescription")}
          error={e.siteDescription}
          hint="Shown under the title on the home page, in the footer, the feed and search results."
        />
      </Section>

      <Section title="Conversations">
        {numberField("commentsPerPage", "Top-level comments per page")}
        {numberField("threadDepth", "Displayed thread depth", " levels; deeper replies show under their deepest shown ancestor.")}
        <Select
          name="commentOrder"
          label="Default comment order"
          options={ORDERS}
          defaultValue={text("commentOrder")}
          error={e.commentOrder}
        />
        {numberField(
          "editWindowMinutes",
          "Edit window (minutes)",
          ": how long writers may edit their comment; authors and admins are not bound by it.",
        )}
        <Checkbox
          name="autoCloseEnabled"
          label="Close comments automatically"
          checked={ticked("autoCloseEnabled")}
          hint="Essays stop taking comments some days after they were published."
        />
        {numberField("autoCloseDays", "Close comments after (days)")}
        <Checkbox
          name="gravatarEnabled"
          label="Use Gravatar pictures"
          checked={ticked("gravatarEnabled")}
          hint="Off: avatars are uploaded pictures or initials drawn on the server, and no request leaves the site."
        />
      </Section>

      <Section title="Moderation">
        {numberField("holdLinkCount", "Hold comments with this many links", "; 0 turns the rule off.")}
        <TextArea
          name="holdWords"
          label="Hold for review"
          rows={5}
          defaultValue={text("holdWords")}
          error={e.holdWords}
          hint="One word, phrase, domain or e-mail per line. A comment whose text, name, e-mail or website contains one waits in Pending. Whole words; entries with . @ or / match anywhere; * stands for any letters."
        />
        <TextArea
          name="blockWords"
          label="Blocked"
          rows={5}
          defaultValue={text("blockWords")}
          error={e.blockWords}
          hint="Same format. A match sends the comment straight to the Trash."
        />
        {numberField("floodPerMinute", "Comments per minute (per address and per person)")}
        {numberField("floodPerHour", "Comments per hour (per address and per person)", ", at least the limit per minute.")}
        {numberField("likesPerMinute", "Likes per minute (per person; four times as many per address)")}
        {numberField("likesPerHour", "Likes per hour (per person; four times as many per address)", ", at least the limit per minute.")}
        <Checkbox
          name="trustProxy"
          label="Trust X-Forwarded-For"
          checked={ticked("trustProxy")}
          hint="Turn on only behind your own reverse proxy: the address it reports is used for flood limits and IP hashes."
        />
      </Section>

      <div>
        <SubmitButton pending={pending}>Save settings</SubmitButton>
      </div>
    </form>
  );
}
