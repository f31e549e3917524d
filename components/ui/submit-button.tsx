"use client";
/**
 * The submit button of a form that posts to a server action. Pending comes from the caller when the
 * form dispatches the action itself (react-hook-form), otherwise from the enclosing form's status.
 */
import { useFormStatus } from "react-dom";
import { Button, type ButtonProps } from "./button";

export function SubmitButton({ pending, ...props }: ButtonProps) {
  const status = useFormStatus();
  return <Button type="submit" pending={pending ?? status.pending} {...props} />;
}
