/**
 * One-time tokens for email links (GoTrue's crypto.GenerateOtp / GenerateTokenHash): a numeric OTP
 * mailed as `{{ .Token }}`, and the link token `hex(sha224(email + otp))`, prefixed `pkce_` for PKCE
 * flows. The stored `*_token` column holds the (prefixed) hash.
 */
import { createHash, randomInt } from "node:crypto";

export function generateOtp(length: number): string {
  let otp = "";
  for (let i = 0; i < length; i += 1) otp += String(randomInt(10));
  return otp;
}

export function tokenHash(emailOrPhone: string, otp: string): string {
  return createHash("sha224")
    .update(emailOrPhone + otp)
    .digest("hex");
}

export type FlowType = "implicit" | "pkce";

export function withFlowPrefix(hash: string, flow: FlowType): string {
  return flow === "pkce" ? `pkce_${hash}` : hash;
}
