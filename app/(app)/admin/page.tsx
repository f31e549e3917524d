import type { Metadata } from "next";
import { AdminDashboard } from "@/components/admin/admin-dashboard";
import { Alert } from "@/components/ui/alert";
import { requireAdmin } from "@/lib/admin/access";
import { loadDashboard, type Dashboard } from "@/lib/admin/dashboard";
import { createLogger } from "@/lib/logger";
import { newReferenceId } from "@/lib/reference";

const log = createLogger("app.admin");

export const metadata: Metadata = { title: "Admin", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function AdminPage() {
  // Non-admins get the 404 page; the admin_* functions refuse them again in the database.
  const { supabase, userId } = await requireAdmin();
  let data: Dashboard | null = null;
  let reference: string | null = null;
  try {
    data = await loadDashboard(supabase);
  } catch (error) {
    reference = newReferenceId();
    log.error("Dashboard failed to load", { userId, reference, error });
  }
  return (
    <main id="main" className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
      {data ? (
        <AdminDashboard data={data} generatedAt={new Date()} />
      ) : (
        <>
          <h1 className="mb-4 text-3xl font-semibold tracking-tight text-ink">Admin dashboard</h1>
          <Alert>The figures could not be loaded. Please try again in a moment. (Reference {reference})</Alert>
        </>
      )}
    </main>
  );
}
