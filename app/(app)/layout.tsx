import type { ReactNode } from "react";
import { SignedInHeader } from "@/components/auth/signed-in-header";
import { AppNav } from "@/components/profile/app-nav";

/** Signed-in pages: the account header and the app's sections. Each page still checks the user itself. */
export default function SignedInLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <SignedInHeader />
      <AppNav />
      {children}
    </div>
  );
}
