import { createHmac } from "node:crypto";

/**
 * The signature a receiver checks: HMAC-SHA256 of `<timestamp>.<body>` with the webhook's secret, in
 * hex. The timestamp is signed too, so that a receiver can refuse an old delivery replayed.
 */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}
