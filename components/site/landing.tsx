import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { LANDING_PREVIEW } from "./landing-preview";

const STEPS = [
  {
    title: "Create your account",
    body: "Email and password. Your profile exists the moment you sign up — no extra step.",
  },
  {
    title: "Answer a few questions",
    body: "Experience, education, skills, preferences and salary, one short step at a time.",
  },
  {
    title: "See what is missing",
    body: "A live completion score shows what is left, with a link straight to each gap.",
  },
];

const FEATURES = [
  ["Never lose an answer", "Each step saves as you go. Close the tab and pick up where you left off, on any device."],
  ["Start from a template", "Frontend engineer, data analyst, manager or career changer — suggestions you confirm."],
  ["Yours to keep", "Download everything we hold about you, or delete your account, whenever you like."],
] as const;

/** `signedIn`: the calls to action lead back into the app instead of to sign-up and sign-in. */
export function Landing({ signedIn = false }: { signedIn?: boolean }) {
  return (
    <main id="main">
      <section className="mx-auto grid max-w-6xl gap-12 px-4 pb-16 pt-16 sm:px-6 lg:grid-cols-2 lg:items-center lg:pt-24">
        <div>
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">
            Profiles that fill themselves in
          </p>
          <h1 className="mt-3 text-4xl font-bold tracking-tight text-ink sm:text-5xl">
            Sign up once. Your profile is ready before you are.
          </h1>
          <p className="mt-5 max-w-xl text-lg text-ink-muted">
            Autoprofile creates your profile the instant your account exists, then walks you through a short wizard
            until it is complete — and shows you exactly what is still missing.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            {signedIn ? (
              <Link href="/onboarding" className={buttonClasses("primary", "px-6 py-3 text-base")}>
                Continue to your profile
              </Link>
            ) : (
              <>
                <Link href="/signup" className={buttonClasses("primary", "px-6 py-3 text-base")}>
                  Create your profile
                </Link>
                <Link href="/login" className={buttonClasses("secondary", "px-6 py-3 text-base")}>
                  Sign in
                </Link>
              </>
            )}
          </div>
        </div>
        <ProfilePreview />
      </section>

      <section aria-labelledby="how" className="border-t border-slate-200 bg-white">
        <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
          <h2 id="how" className="text-2xl font-semibold tracking-tight">
            How it works
          </h2>
          <ol className="mt-8 grid gap-6 md:grid-cols-3">
            {STEPS.map((step, index) => (
              <li key={step.title} className="rounded-2xl border border-slate-200 p-6">
                <span className="grid size-9 place-items-center rounded-full bg-brand-50 text-sm font-bold text-brand-700">
                  {index + 1}
                </span>
                <h3 className="mt-4 font-semibold">{step.title}</h3>
                <p className="mt-2 text-sm text-ink-muted">{step.body}</p>
              </li>
            ))}
          </ol>
          <ul className="mt-12 grid gap-6 md:grid-cols-3">
            {FEATURES.map(([title, body]) => (
              <li key={title}>
                <h3 className="font-semibold">{title}</h3>
                <p className="mt-1 text-sm text-ink-muted">{body}</p>
              </li>
            ))}
          </ul>
        </div>
      </section>
      <footer className="border-t border-slate-200 py-8 text-center text-sm text-ink-subtle">
        Autoprofile — an open implementation of sign-up, automatic profiles and onboarding.
      </footer>
    </main>
  );
}

/** A static picture of the product: what a half-finished profile looks like. */
function ProfilePreview() {
  const { percentage, rows } = LANDING_PREVIEW;
  return (
    <figure
      aria-label={`Example profile, ${percentage}% complete`}
      className="rounded-3xl border border-slate-200 bg-white p-6 shadow-card"
    >
      <div className="flex items-center justify-between">
        <p className="font-semibold">Your profile</p>
        <p className="text-sm font-semibold text-brand-700">{percentage}% complete</p>
      </div>
      <div aria-hidden className="mt-3 h-2 rounded-full bg-slate-100">
        <div className="h-2 rounded-full bg-brand-600" style={{ width: `${percentage}%` }} />
      </div>
      <dl className="mt-6 divide-y divide-slate-100">
        {rows.map(([label, value, done]) => (
          <div key={label} className="flex items-center justify-between gap-4 py-3 text-sm">
            <dt className="text-ink-muted">{label}</dt>
            <dd className={done ? "font-medium text-ink" : "font-medium text-ink-subtle"}>
              {done ? "✓ " : "○ "}
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </figure>
  );
}
