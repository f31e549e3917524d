"use client";
/**
 * A password field with a show/hide toggle. The toggle keeps the input's own name ("Password") intact
 * for assistive technology and password managers; it announces its state with aria-pressed.
 */
import { useState } from "react";
import { cn } from "@/lib/cn";
import { Input, type InputProps } from "./input";

export function PasswordInput({ className, ...props }: Omit<InputProps, "type">) {
  const [visible, setVisible] = useState(false);
  return (
    <div className="relative">
      <Input {...props} type={visible ? "text" : "password"} className={cn("pr-16", className)} />
      <button
        type="button"
        onClick={() => setVisible((value) => !value)}
        aria-pressed={visible}
        aria-controls={props.id}
        className="absolute inset-y-1 right-1 rounded-md px-2.5 text-xs font-semibold text-brand-700 hover:bg-brand-50"
      >
        {visible ? "Hide" : "Show"}
        <span className="sr-only"> password</span>
      </button>
    </div>
  );
}
