"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { finishOnboarding } from "@/lib/actions/finish-onboarding";
import { initialFormState } from "@/lib/actions/form-state";

export function FinishForm({ backHref }: { backHref: string }) {
  const [state, action, pending] = useActionState(finishOnboarding, initialFormState);
  return (
    <form action={action} className="space-y-4">
      {state.message && <Alert>{state.message}</Alert>}
      <div className="flex flex-col-reverse gap-3 border-t border-slate-200 pt-5 sm:flex-row sm:justify-between">
        <Link href={backHref} className={buttonClasses("secondary", "w-full sm:w-auto")}>
          Back
        </Link>
        <Button type="submit" pending={pending} className="w-full sm:w-auto">
          Finish
        </Button>
      </div>
    </form>
  );
}
