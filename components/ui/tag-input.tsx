"use client";

/**
 * A keyboard-friendly list of short text items (skills, locations): type and press Enter or comma
 * to add, Remove buttons to take one out. Duplicates (ignoring case) and items past the limits are
 * refused with a message announced politely. Each item is also a hidden `name` input, so the list
 * reaches a server action as FormData — and so does the text still being typed: the text box
 * carries the same name, so pressing Continue or Save with "Kubernetes" not yet added submits it
 * too (the server trims and drops it when blank). Leaving the box does not turn the text into an
 * item: that would move the buttons under the pointer and swallow the click.
 */
import { useId, useRef, useState, type KeyboardEvent } from "react";
import { cn } from "@/lib/cn";
import { withinCharacterLimit } from "@/lib/text/graphemes";
import type { FieldControlProps } from "./field";

export interface TagInputProps extends Partial<FieldControlProps> {
  name: string;
  value: string[];
  onChange: (next: string[]) => void;
  onBlur?: () => void;
  maxItems: number;
  maxLength: number;
  /** Singular noun for messages: "skill" → "You can add up to 50 skills". */
  noun: string;
  placeholder?: string;
  inputRef?: (element: HTMLInputElement | null) => void;
}

export function TagInput({
  name,
  value,
  onChange,
  onBlur,
  maxItems,
  maxLength,
  noun,
  placeholder,
  inputRef,
  id,
  "aria-invalid": ariaInvalid,
  "aria-describedby": describedBy,
}: TagInputProps) {
  const [text, setText] = useState("");
  const [notice, setNotice] = useState("");
  const noticeId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const textRef = useRef<HTMLInputElement | null>(null);

  function add(candidates: string[]): void {
    const next = [...value];
    let message = "";
    for (const raw of candidates) {
      const item = raw.trim().replace(/\s+/g, " ");
      if (!item) continue;
      if (next.some((existing) => existing.toLocaleLowerCase("en-US") === item.toLocaleLowerCase("en-US"))) {
        message = `${item} is already in the list`;
      } else if (!withinCharacterLimit(item, maxLength)) {
        message = `Each ${noun} can be at most ${maxLength} characters`;
      } else if (next.length >= maxItems) {
        message = `You can add up to ${maxItems} ${noun}s`;
        break;
      } else {
        next.push(item);
        message = `Added ${item}`;
      }
    }
    if (next.length !== value.length) onChange(next);
    setNotice(message);
  }

  function remove(index: number): void {
    const removed = value[index];
    onChange(value.filter((_, position) => position !== index));
    setNotice(removed ? `Removed ${removed}` : "");
    // Focus stays on the list: the next item's Remove button (the previous one after the last),
    // or the text box once the list is empty. The buttons are read again after React re-renders.
    // A person who has already moved on (clicked back into the text box and typed) keeps their focus:
    // on a slow device the frame can come late, and taking focus then sent keystrokes to a Remove button.
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active && active !== document.body && !listRef.current?.contains(active)) return;
      const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>("button") ?? [];
      (buttons[Math.min(index, buttons.length - 1)] ?? textRef.current)?.focus();
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      add([text]);
      setText("");
    }
  }

  function onTextChange(next: string): void {
    // Pasted or typed commas split the text; the part after the last comma keeps being edited.
    if (next.includes(",")) {
      const parts = next.split(",");
      const rest = parts.pop() ?? "";
      add(parts);
      setText(rest);
    } else {
      setText(next);
    }
  }

  return (
    <div>
      <div
        className={cn(
          "flex min-h-11 flex-wrap items-center gap-1.5 rounded-lg border border-slate-300 bg-white px-2 py-1.5 shadow-sm",
          "focus-within:border-brand-500 focus-within:ring-2 focus-within:ring-brand-200",
          ariaInvalid && "border-danger-600",
        )}
      >
        {value.length > 0 && (
          <ul ref={listRef} className="contents" aria-label={`Added ${noun}s`}>
            {value.map((item, index) => (
              <li
                key={item}
                className="inline-flex items-center gap-1 rounded-md bg-brand-50 py-0.5 pl-2 pr-0.5 text-sm text-brand-900"
              >
                {item}
                <button
                  type="button"
                  onClick={() => remove(index)}
                  aria-label={`Remove ${item}`}
                  className="grid size-6 place-items-center rounded text-brand-700 hover:bg-brand-100"
                >
                  <span aria-hidden>×</span>
                </button>
                <input type="hidden" name={name} value={item} />
              </li>
            ))}
          </ul>
        )}
        <input
          ref={(element) => {
            textRef.current = element;
            inputRef?.(element);
          }}
          id={id}
          type="text"
          name={name}
          value={text}
          placeholder={value.length === 0 ? placeholder : undefined}
          onChange={(event) => onTextChange(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => onBlur?.()}
          aria-invalid={ariaInvalid}
          aria-describedby={[describedBy, noticeId].filter(Boolean).join(" ")}
          enterKeyHint="enter"
          autoComplete="off"
          className="min-w-40 flex-1 border-0 bg-transparent px-1 py-1 text-sm text-ink placeholder:text-ink-subtle focus:outline-none"
        />
      </div>
      <div className="mt-1 flex justify-between gap-4 text-xs">
        <p
          id={noticeId}
          role="status"
          className={cn(
            notice.startsWith("Added") || notice.startsWith("Removed") ? "text-ink-muted" : "text-danger-700",
          )}
        >
          {notice}
        </p>
        <p className="shrink-0 tabular-nums text-ink-muted">
          {value.length} of {maxItems} {noun}s
        </p>
      </div>
    </div>
  );
}
