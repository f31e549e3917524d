"use client";

/**
 * One profile section (a wizard step's fields) shown as values, editable in place with the same
 * form and schema as the wizard. Saving re-renders the page with the new values and percentage.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FIELD_LABELS, type CompletionField } from "@/lib/profiles/fields";
import type { Profile } from "@/lib/profiles/row";
import { emptyLabel, formatField } from "./format";

interface ProfileSectionProps {
  id: string;
  title: string;
  fields: readonly CompletionField[];
  profile: Profile;
  /** Renders the editor; call `close(true)` after saving, `close()` to cancel. */
  editor: (close: (saved?: boolean) => void) => ReactNode;
}

export function ProfileSection({ id, title, fields, profile, editor }: ProfileSectionProps) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const sectionRef = useRef<HTMLElement>(null);
  const opened = useRef(false);
  // Focus follows the editor: its first field when it opens, the Edit button when it closes.
  useEffect(() => {
    const section = sectionRef.current;
    if (editing) section?.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea")?.focus();
    else if (opened.current) section?.querySelector<HTMLElement>("[data-edit]")?.focus();
    opened.current ||= editing;
  }, [editing]);
  const close = useCallback(() => setEditing(false), []);
  const closeSaved = useCallback(() => {
    setEditing(false);
    setSaved(true);
  }, []);

  return (
    <section
      ref={sectionRef}
      id={id}
      aria-labelledby={`${id}-title`}
      className="rounded-2xl border border-slate-200 bg-white p-5 shadow-card sm:p-6"
    >
      <div className="mb-4 flex items-center justify-between gap-4">
        <h2 id={`${id}-title`} className="text-lg font-semibold text-ink">
          {title}
        </h2>
        {!editing && (
          <Button
            variant="secondary"
            data-edit
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            Edit<span className="sr-only"> {title.toLowerCase()}</span>
          </Button>
        )}
      </div>
      {editing ? (
        editor((savedNow?: boolean) => (savedNow ? closeSaved() : close()))
      ) : (
        <>
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">
            {fields.map((field) => {
              const value = formatField(profile, field);
              return (
                <div key={field} className="contents">
                  <dt className="text-sm text-ink-muted">{FIELD_LABELS[field]}</dt>
                  <dd className={value ? "text-sm text-ink" : "text-sm italic text-ink-subtle"}>
                    {value ?? emptyLabel(profile, field)}
                  </dd>
                </div>
              );
            })}
          </dl>
          {saved && (
            <p role="status" className="mt-3 text-sm text-success-700">
              Saved.
            </p>
          )}
        </>
      )}
    </section>
  );
}
