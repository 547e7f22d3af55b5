import { lookup as lookupCallback, type LookupAddress, type LookupAllOptions } from "node:dns";
import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";
import { Agent } from "undici";

export interface AddressRules {
  /** Loopback, private, link-local and other non-public addresses are refused unless this is set. */
  allowPrivateNetworks: boolean;
  /** Plain http is refused in production (unless private networks are allowed: an internal receiver). */
  requireHttps: boolean;
}

/**
 * Why a webhook may not be posted to this URL (an i18n key), or null when it may. The host is resolved
 * and every address it resolves to must be public: a name pointing into the company's network is as
 * private as the address itself. Asked when the webhook is saved and again before each delivery, since
 * a name may be pointed elsewhere in between.
 */
export async function refusedWebhookUrl(url: string, rules: AddressRules): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "webhooks.errors.url";
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return "webhooks.errors.url";
  if (parsed.username || parsed.password) return "webhooks.errors.credentials";
  if (parsed.protocol === "http:" && rules.requireHttps && !rules.allowPrivateNetworks) return "webhooks.errors.https";
  if (rules.allowPrivateNetworks) return null;
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = ipaddr.isValid(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
  } catch {
    return "webhooks.errors.unresolved";
  }
  return addresses.length > 0 && addresses.every(isPublicAddress) ? null : "webhooks.errors.privateAddress";
}

function isPublicAddress(address: string): boolean {
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === "unicast";
}

/**
 * Connections for deliveries, which check again the addresses a name resolves to at the moment they
 * connect: a name re-pointed at a private address between `refusedWebhookUrl` and the connection (DNS
 * rebinding) is refused there too. Literal addresses are never looked up; `refusedWebhookUrl` checked them.
 */
export function publicOnlyAgent(): Agent {
  return new Agent({ connect: { lookup: publicOnlyLookup } });
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function publicOnlyLookup(hostname: string, options: LookupAllOptions | object, callback: LookupCallback): void {
  lookupCallback(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((entry) => !isPublicAddress(entry.address));
    if (refused) return callback(Object.assign(new Error(`${hostname} resolves to ${refused.address}, a private address`), { code: "EPRIVATE" }), []);
    if ("all" in options && options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
}
