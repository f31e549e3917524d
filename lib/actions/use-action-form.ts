"use client";
/**
 * react-hook-form + a server action through `useActionState`, with one zod schema for both:
 * the browser validates first (inline errors, focus on the first bad field), the action re-validates,
 * and server field errors land in the same place as client ones. Without JavaScript the form still
 * posts to the action, which answers with `values` and `fieldErrors` to re-render from.
 *
 *   const { field, state, pending, formProps, errorFor } = useActionForm(signInSchema, signIn);
 *   <form {...formProps}> <input {...field("email")} /> … </form>
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useEffect } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import { initialFormState, type FormState } from "./form-state";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

export function useActionForm<Out extends FieldValues, In extends FieldValues>(
  schema: z.ZodType<Out, In>,
  action: Action,
  defaultValues?: DefaultValues<In>,
) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(schema),
    mode: "onTouched",
    defaultValues,
  });

  // Server field errors show where client errors do, and clear the same way once the field is fixed.
  useEffect(() => {
    for (const [name, message] of Object.entries(state.fieldErrors ?? {})) {
      form.setError(name as Path<In>, { type: "server", message }, { shouldFocus: true });
    }
  }, [state, form]);

  const onSubmit = form.handleSubmit((_values, event) => {
    // `target` is the form for submit events; currentTarget is gone once validation has awaited.
    const target = event?.target;
    if (!(target instanceof HTMLFormElement)) return;
    const data = new FormData(target);
    startTransition(() => formAction(data));
  });

  /**
   * `form.register` plus the value to show before hydration: the echoed value after a failed no-JS
   * submit, else the default. (react-hook-form only fills inputs once JavaScript runs.)
   */
  const field = (name: Path<In>) => {
    const echoed = state.values?.[name];
    const fallback = (defaultValues as Record<string, unknown> | undefined)?.[name];
    const value = typeof echoed === "string" ? echoed : typeof fallback === "string" ? fallback : undefined;
    return { ...form.register(name), defaultValue: value };
  };

  const errorFor = (name: Path<In>): string | undefined => {
    const error = form.getFieldState(name, form.formState).error;
    return typeof error?.message === "string" ? error.message : undefined;
  };

  return {
    form,
    state,
    pending,
    errorFor,
    field,
    formProps: { action: formAction, onSubmit, noValidate: true } as const,
  };
}
