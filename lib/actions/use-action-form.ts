"use client";
/**
 * The one bridge between react-hook-form and a server action (`useActionState`), with one zod schema
 * (classic or zod/mini) for both: the browser validates first (inline errors, focus on the first
 * bad field), the action re-validates, and server field errors land where client ones do.
 *
 * Progressive enhancement: the form's `action` is the server action, so without JavaScript it is a
 * POST to the action (never a GET with the answers in the URL). `field()` renders the value to show
 * before hydration — the echoed value after a failed no-JS submit, else the default — because
 * react-hook-form only fills inputs once JavaScript runs.
 *
 *   const { field, state, pending, formProps, errorFor } = useActionForm(signInSchema, signIn);
 *   <form {...formProps}> <input {...field("email")} /> … </form>
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { unstable_rethrow } from "next/navigation";
import { useActionState, useEffect, useEffectEvent, useState, useTransition, type FormEvent } from "react";
import { useForm, type DefaultValues, type FieldValues, type Mode, type Path } from "react-hook-form";
import type * as z from "zod/v4/core";
import { failure, initialFormState, type FormState } from "./form-state";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

export const NETWORK_MESSAGE =
  "We could not reach the server. Check your connection and try again — your answers are still here.";

export interface ActionFormOptions {
  /** When errors first show: on blur (default, sign-in style) or only after the first submit. */
  mode?: Mode;
  /** Called once per successful submit that did not redirect (a profile section closes). */
  onSuccess?: () => void;
}

export function useActionForm<Out extends FieldValues, In extends FieldValues>(
  schema: z.$ZodType<Out, In>,
  action: Action,
  defaultValues?: DefaultValues<In>,
  options: ActionFormOptions = {},
) {
  // Without JavaScript the form posts to the server action itself, and the page comes back rendered
  // with its answer (`serverState`). With JavaScript the action is called here instead, so a request
  // that never completes can be told apart from an answer (redirect()/notFound() pass through).
  const [serverState, formAction] = useActionState(action, initialFormState);
  const [clientState, setClientState] = useState<FormState | null>(null);
  const [pending, startPending] = useTransition();
  const state = clientState ?? serverState;

  // After a no-JS submit the page is rendered with the action's answer: start from what was sent.
  const [initial] = useState(() => ({ ...defaultValues, ...state.values }) as DefaultValues<In>);
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(schema),
    mode: options.mode ?? "onTouched",
    reValidateMode: "onChange",
    defaultValues: initial,
  });

  // An effect event: a fresh callback on each render does not re-run the effect below.
  const onSuccess = useEffectEvent(() => options.onSuccess?.());
  useEffect(() => {
    for (const [name, message] of Object.entries(state.fieldErrors ?? {})) {
      form.setError(name as Path<In>, { type: "server", message }, { shouldFocus: true });
    }
    if (state.ok) onSuccess();
  }, [state, form]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    // The form element, read now: currentTarget is gone once validation has awaited.
    const element = event.currentTarget;
    void form.handleSubmit(() => {
      const data = new FormData(element);
      startPending(async () => {
        try {
          const answer = await action(state, data);
          startPending(() => setClientState(answer));
        } catch (error) {
          unstable_rethrow(error);
          startPending(() => setClientState(failure(NETWORK_MESSAGE, undefined, undefined, "unavailable")));
        }
      });
    })(event);
  }

  const field = (name: Path<In>) => {
    const value = (initial as Record<string, unknown>)[name];
    return { ...form.register(name), defaultValue: typeof value === "string" ? value : undefined };
  };

  // Before the first submit in the browser, the server's errors are shown as rendered (no-JS).
  const errorFor = (name: Path<In>): string | undefined => {
    const error = form.getFieldState(name, form.formState).error;
    if (typeof error?.message === "string") return error.message;
    return form.formState.isSubmitted ? undefined : state.fieldErrors?.[name];
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

export type ActionFormApi<In extends FieldValues = FieldValues> = ReturnType<typeof useActionForm<FieldValues, In>>;
