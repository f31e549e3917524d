/**
 * The one server-action wrapper: parse the form with the shared zod schema, check the user (for
 * `validatedActionWithUser`), run the work, and shape every failure as `FormState`. Each action states
 * only its schema and its work:
 *
 *   "use server";
 *   export const saveStep = validatedActionWithUser(stepSchema, async (data, { user, supabase }) => {
 *     ...; redirect("/onboarding/next");            // redirect only on success
 *   });
 *
 * Unexpected throws become "Something went wrong … reference <id>" with the id in the server log;
 * Next's redirect()/notFound() pass through untouched. Before any schema: a call whose arguments are
 * not a form is refused, a body over the size limit and a NUL in any value get their own messages.
 * When the backend is down (Auth or the database unreachable) the answer is a form-level "briefly
 * unavailable" with the values kept — never "signed out".
 */
import { unstable_rethrow } from "next/navigation";
import * as z from "zod/v4/core";
import { createLogger, type Logger } from "@/lib/logger";
import { SIGNED_OUT_MESSAGE } from "@/lib/auth/messages";
import { newReferenceId } from "@/lib/reference";
import {
  ACTION_BODY_LIMIT_BYTES,
  formDataBytes,
  NOT_A_FORM_MESSAGE,
  nulFieldErrors,
  TOO_LARGE_MESSAGE,
} from "@/lib/input/form-limits";
import { sawOutage, ServiceUnavailableError, UNAVAILABLE_MESSAGE } from "@/lib/supabase/outage";
import { createClient, getSessionUser, type ServerSupabase, type SessionUser } from "@/lib/supabase/server";
import {
  CHECK_FIELDS_MESSAGE,
  echoValues,
  failure,
  flattenIssues,
  formDataToObject,
  type FormState,
} from "./form-state";

const log = createLogger("actions");

export { SIGNED_OUT_MESSAGE };
export { CHECK_FIELDS_MESSAGE };

export interface ActionContext {
  supabase: ServerSupabase;
  formData: FormData;
  log: Logger;
  /** The raw submitted values (minus secrets), for echoing back in a failure. */
  values: FormState["values"];
}
export interface UserActionContext extends ActionContext {
  user: SessionUser;
}

/** What a form action looks like to `useActionState`. */
export type FormAction = (previous: FormState, formData: FormData) => Promise<FormState>;

type Handler<S extends z.$ZodType, C> = (data: z.output<S>, context: C) => Promise<FormState | void>;

interface Options {
  /** Turns FormData into the object the schema parses; default: `formDataToObject`. */
  input?: (formData: FormData) => Record<string, unknown>;
  /** Names the action in log lines; defaults to the handler's name. */
  name?: string;
}

/** A human message with a reference id that is also logged with the cause. */
export function unexpectedFailure(action: string, cause: unknown, values?: FormState["values"]): FormState {
  const reference = newReferenceId();
  log.error("action failed", { action, reference, error: cause });
  return {
    ...failure(`Something went wrong on our side. Please try again. (Reference ${reference})`, undefined, values),
    kind: "unavailable",
    referenceId: reference,
  };
}

type Gate<C> = (base: ActionContext) => Promise<{ context: C } | { denied: FormState }>;

async function run<S extends z.$ZodType, C extends ActionContext>(
  schema: S,
  formData: unknown,
  options: Options,
  name: string,
  gate: Gate<C>,
  handler: Handler<S, C>,
): Promise<FormState> {
  // Server actions are public endpoints: anyone can post any arguments, not only our forms.
  if (!(formData instanceof FormData)) return failure(NOT_A_FORM_MESSAGE);
  if (formDataBytes(formData) > ACTION_BODY_LIMIT_BYTES) return failure(TOO_LARGE_MESSAGE);
  let values: FormState["values"];
  let supabase: ServerSupabase | undefined;
  try {
    const raw = (options.input ?? formDataToObject)(formData);
    values = echoValues(raw);
    supabase = await createClient();
    const gated = await gate({ supabase, formData, log: log.child(name), values });
    if ("denied" in gated) return gated.denied;
    const nul = nulFieldErrors(raw);
    if (nul) return failure(CHECK_FIELDS_MESSAGE, nul, values);
    // zod/v4/core's safeParse takes both classic zod and zod/mini schemas.
    const parsed = z.safeParse(schema, raw);
    if (!parsed.success) {
      const { fieldErrors, formError } = flattenIssues(parsed.error.issues);
      return failure(formError ?? CHECK_FIELDS_MESSAGE, fieldErrors, values);
    }
    const result = (await handler(parsed.data, gated.context)) ?? { ok: true };
    // A write that failed because the database was unreachable is not the person's problem to debug.
    return !result.ok && sawOutage(supabase) ? unavailable(name, values) : result;
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof ServiceUnavailableError || (supabase && sawOutage(supabase))) return unavailable(name, values);
    return unexpectedFailure(name, error, values);
  }
}

function unavailable(action: string, values: FormState["values"]): FormState {
  log.warn("backend unavailable", { action });
  return failure(UNAVAILABLE_MESSAGE, undefined, values, "unavailable");
}

/** Auth comes before parsing: a signed-out caller learns nothing about the data's validity. */
const requireUser: Gate<UserActionContext> = async (base) => {
  const user = await getSessionUser(base.supabase);
  if (!user) return { denied: failure(SIGNED_OUT_MESSAGE, undefined, base.values, "signed_out") };
  return { context: { ...base, user } };
};

/** For public forms (sign-in, sign-up, reset): parsing and error shaping, no user required. */
export function validatedAction<S extends z.$ZodType>(
  schema: S,
  handler: Handler<S, ActionContext>,
  options: Options = {},
): FormAction {
  const name = options.name ?? (handler.name || "action");
  return async (_previous, formData: unknown) =>
    run(schema, formData, options, name, async (base) => ({ context: base }), handler);
}

/** For signed-in work: re-checks the user with the Auth server on every call (never trust middleware alone). */
export function validatedActionWithUser<S extends z.$ZodType>(
  schema: S,
  handler: Handler<S, UserActionContext>,
  options: Options = {},
): FormAction {
  const name = options.name ?? (handler.name || "action");
  return async (_previous, formData: unknown) => run(schema, formData, options, name, requireUser, handler);
}
