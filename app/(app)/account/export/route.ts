/**
 * GET /account/export — "Download my data" as a JSON attachment. The user is checked with the Auth
 * server here (never trust the middleware alone); failures answer with a reference id, not internals.
 */
import { NextResponse } from "next/server";
import { buildAccountExport, exportFileName } from "@/lib/account/export-data";
import { createLogger } from "@/lib/logger";
import { newReferenceId } from "@/lib/reference";
import { createClient } from "@/lib/supabase/server";

const log = createLogger("app.account.export");

export const dynamic = "force-dynamic";

export async function GET() {
  const supabase = await createClient();
  const { data } = await supabase.auth.getUser();
  if (!data.user) {
    return NextResponse.json(
      { error: "Sign in to download your data." },
      { status: 401, headers: { "Cache-Control": "no-store" } },
    );
  }
  try {
    const body = await buildAccountExport(supabase, data.user);
    log.info("Account data exported", { userId: data.user.id });
    return new NextResponse(`${JSON.stringify(body, null, 2)}\n`, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${exportFileName()}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    const reference = newReferenceId();
    log.error("Account export failed", { userId: data.user.id, reference, error });
    return NextResponse.json(
      { error: `We could not prepare your data. Please try again. (Reference ${reference})` },
      { status: 500, headers: { "Cache-Control": "no-store" } },
    );
  }
}
