import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { DomainError } from "@/lib/errors";

// Addresses a webhook must never reach (SSRF): loopback, private, carrier-grade NAT, link-local (which
// holds the cloud metadata service, 169.254.169.254 / fd00:ec2::254), multicast, reserved and "this host".
const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const)
  blocked.addSubnet(net, prefix, "ipv6");

/** Whether an IP address is one a webhook may not be sent to (IPv4-mapped IPv6 judged as its IPv4). */
export function isForbiddenAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isForbiddenAddress(mapped[1]);
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family === 6) return blocked.check(address, "ipv6");
  return true;
}

/** `WEBHOOK_ALLOW_PRIVATE_TARGETS=1`: local development and the tests' receiver on 127.0.0.1. */
export function privateTargetsAllowed(): boolean {
  return process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS === "1";
}

export type SafeTarget = { url: URL; address: string; family: 4 | 6 };

const refused = (message: string) =>
  new DomainError("webhook_target_refused", message, { status: 400, field: "url" });

/**
 * Resolves a webhook URL and checks every address it resolves to. The caller connects to the returned
 * address (not the name again), so a DNS answer that changes between the check and the connection (DNS
 * rebinding) cannot steer the request somewhere else. Checked at creation and before every attempt.
 */
export async function resolveSafeTarget(
  raw: string,
  opts: {
    allowPrivate?: boolean;
    resolve?: (host: string) => Promise<{ address: string; family: number }[]>;
  } = {},
): Promise<SafeTarget> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refused("Enter a full URL, like https://example.com/webhooks");
  }
  const allowPrivate = opts.allowPrivate ?? privateTargetsAllowed();
  if (url.protocol !== "https:" && !(allowPrivate && url.protocol === "http:"))
    throw refused("Webhook URLs must use https://");
  if (url.username || url.password) throw refused("Webhook URLs can't contain a user name or password");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const resolve = opts.resolve ?? ((name: string) => lookup(name, { all: true, verbatim: true }));
  let addresses: { address: string; family: number }[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await resolve(host);
  } catch {
    throw refused(`The host ${host} could not be resolved`);
  }
  if (addresses.length === 0) throw refused(`The host ${host} could not be resolved`);
  if (!allowPrivate && addresses.some((a) => isForbiddenAddress(a.address)))
    throw refused("Webhook URLs can't point to a private, loopback, link-local or metadata address");
  const [first] = addresses;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
