/**
 * TOTP keys, codes and QR codes as GoTrue makes them (pquerna/otp with its defaults, boombuler QR):
 * a 20-byte secret in unpadded base32, SHA1, 6 digits, 30-second period, a code accepted one step
 * either side of now (RFC 6238 with skew 1). The crypto is the `otpauth` library's, the QR code the
 * `qrcode` library's; only the URI layout and the SVG text are shaped here.
 */
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";

const PERIOD = 30;
const DIGITS = 6;
const ALGORITHM = "SHA1";
/** Pixels per QR module, GoTrue's DefaultQRSize. */
const MODULE_PX = 3;
const MARGIN_MODULES = 4;

export interface TotpKey {
  secret: string;
  uri: string;
}

/**
 * pquerna's Key.URL(): `otpauth://totp/<issuer>:<account>?` with the query keys sorted (Go's
 * url.Values.Encode, space as `+`) and the path escaped as Go's URL.String() does (`@` and `:` stay).
 */
export function totpUri(issuer: string, accountName: string, secret: string): string {
  const query = new URLSearchParams([
    ["algorithm", ALGORITHM],
    ["digits", String(DIGITS)],
    ["issuer", issuer],
    ["period", String(PERIOD)],
    ["secret", secret],
  ]);
  const path = encodeURI(`${issuer}:${accountName}`).replace(/\?/g, "%3F").replace(/#/g, "%23");
  return `otpauth://totp/${path}?${query.toString()}`;
}

export function newTotpKey(issuer: string, accountName: string): TotpKey {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, uri: totpUri(issuer, accountName, secret) };
}

/**
 * The QR code of `uri` as bare SVG text, as GoTrue sends it (supabase-js prefixes
 * `data:image/svg+xml;utf-8,` without encoding, so the text must hold no `#`: colours are named).
 */
export async function totpQrSvg(uri: string): Promise<string> {
  const size = QRCode.create(uri, { errorCorrectionLevel: "H" }).modules.size;
  const svg = await QRCode.toString(uri, {
    type: "svg",
    errorCorrectionLevel: "H",
    margin: MARGIN_MODULES,
    width: (size + 2 * MARGIN_MODULES) * MODULE_PX,
  });
  return svg
    .replace(/#000000/g, "black")
    .replace(/#ffffff/g, "white")
    .trim();
}

/** True when `code` is the code of `secret` for the current step or one step either side. */
export function totpCodeValid(code: string, secret: string, timestamp: number = Date.now()): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const delta = TOTP.validate({
    token: code,
    secret: Secret.fromBase32(secret),
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: PERIOD,
    window: 1,
    timestamp,
  });
  return delta !== null;
}
