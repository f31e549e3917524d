/**
 * For server-rendered pages: turns "the backend is down" into the 503 page (with a way back to
 * `path`), and lets every other error through. Call it from the catch of a page's data loading.
 */
import { redirect } from "next/navigation";
import { isAuthOutage, sawOutage, ServiceUnavailableError } from "./outage";

export function redirectIfUnavailable(error: unknown, path: string, client?: object): void {
  const down = error instanceof ServiceUnavailableError || isAuthOutage(error);
  if (down || (client !== undefined && sawOutage(client))) {
    redirect(`/unavailable?next=${encodeURIComponent(path)}`);
  }
}
