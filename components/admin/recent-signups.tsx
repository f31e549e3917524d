/**
 * The newest accounts: the name they gave, the address masked by the database, and how far they are.
 * "Complete" means 100 %; a profile with its required answers but gaps elsewhere is "Required done".
 */
import type { RecentSignup } from "@/lib/admin/dashboard";
import { cn } from "@/lib/cn";
import { Panel } from "./panel";

const WHEN = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function Status({ signup }: { signup: RecentSignup }) {
  const [label, tone] = !signup.has_profile
    ? ["No profile", "bg-danger-50 text-danger-700 ring-danger-600/30"]
    : signup.completion_percentage === 100
      ? ["Complete", "bg-success-50 text-success-700 ring-success-600/30"]
      : signup.is_complete
        ? ["Required done", "bg-slate-100 text-ink ring-slate-300"]
        : ["In progress", "bg-brand-50 text-brand-900 ring-brand-200"];
  return (
    <span className={cn("inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", tone)}>
      {label}
    </span>
  );
}

export function RecentSignups({ signups }: { signups: RecentSignup[] }) {
  return (
    <Panel id="recent" title="Recent sign-ups" description="Newest first; addresses are masked">
      {signups.length === 0 ? (
        <p className="text-sm text-ink-muted">Nobody has signed up yet.</p>
      ) : (
        <div tabIndex={0} role="group" aria-label="Recent sign-ups table" className="-mx-5 overflow-x-auto sm:mx-0">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <caption className="sr-only">Recent sign-ups</caption>
            <thead className="border-b border-slate-200 text-ink-muted">
              <tr>
                <th scope="col" className="px-5 py-2 font-medium sm:px-3">
                  Name
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Email
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Signed up (UTC)
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  Completion
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Wizard step
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Status
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {signups.map((signup) => (
                <tr key={signup.user_id}>
                  <th scope="row" className="max-w-[12rem] truncate px-5 py-2 font-medium text-ink sm:px-3">
                    {signup.full_name ?? <span className="font-normal italic text-ink-subtle">No name given</span>}
                  </th>
                  <td className="px-3 py-2 text-ink-muted">{signup.email_masked ?? "—"}</td>
                  <td className="px-3 py-2 whitespace-nowrap text-ink-muted">
                    {signup.signed_up_at ? WHEN.format(new Date(signup.signed_up_at)) : "—"}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {signup.completion_percentage === null ? "—" : `${signup.completion_percentage}%`}
                  </td>
                  <td className="px-3 py-2 capitalize text-ink-muted">{signup.wizard_step ?? "—"}</td>
                  <td className="px-3 py-2">
                    <Status signup={signup} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
