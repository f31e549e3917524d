/**
 * Mailpit's `POST /api/v1/send` body → a mail to store (the subset we need: first To address,
 * Subject, Text, HTML, Tags[0] as the kind). Pure; null on bad input.
 */
import type { OutgoingMail } from "../contracts";

export function parseSendRequest(body: string): OutgoingMail | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
  const request = parsed as Record<string, unknown>;
  const to = Array.isArray(request.To) ? (request.To[0] as Record<string, unknown> | undefined) : undefined;
  const address = to && typeof to === "object" ? to.Email : undefined;
  const subject = request.Subject;
  if (typeof address !== "string" || address.trim() === "" || typeof subject !== "string") return null;
  const text = typeof request.Text === "string" ? request.Text : "";
  const html = typeof request.HTML === "string" ? request.HTML : "";
  const tags = Array.isArray(request.Tags) ? request.Tags : [];
  const kind = typeof tags[0] === "string" ? tags[0] : "sent";
  return { to: address.trim(), subject, text, html, kind };
}
