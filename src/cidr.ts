// CIDR notation, IPv4 and IPv6, for the rules about where a binding may lie
// (the guards, the plans of bindings as code, the fake): parsed into a network
// address and a prefix length, and compared.

/** A parsed CIDR: its family's width in bits, the network address (host bits cleared) and the prefix length. */
export interface Network {
  bits: 32 | 128;
  address: bigint;
  length: number;
}

function ipv4(text: string): bigint | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function ipv6(text: string): bigint | undefined {
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const groups = (half: string | undefined) => (half ? half.split(":") : []);
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  let value = 0n;
  // Without "::" nothing is missing; with it, the groups it stands for are zero.
  for (const group of [...head, ...Array<string>(missing).fill("0"), ...tail]) {
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return undefined;
    value = (value << 16n) | BigInt(`0x${group}`);
  }
  return value;
}

/** The network a CIDR names, or undefined when it is not CIDR notation. */
export function parseCidr(cidr: string): Network | undefined {
  const match = /^([^/]+)\/(\d{1,3})$/.exec(cidr);
  if (!match) return undefined;
  const [, host, lengthText] = match as unknown as [string, string, string];
  const bits = host.includes(":") ? 128 : 32;
  const address = bits === 32 ? ipv4(host) : ipv6(host);
  const length = Number(lengthText);
  if (address === undefined || length > bits) return undefined;
  const hostBits = BigInt(bits - length);
  return { bits, address: (address >> hostBits) << hostBits, length };
}

/** Whether `inner` lies inside `outer` (the same network counts). */
export function contains(outer: Network, inner: Network): boolean {
  if (outer.bits !== inner.bits || inner.length < outer.length) return false;
  const shift = BigInt(outer.bits - outer.length);
  return inner.address >> shift === outer.address >> shift;
}

/** Whether two CIDRs name the same network. */
export function sameNetwork(a: Network, b: Network): boolean {
  return a.bits === b.bits && a.length === b.length && a.address === b.address;
}

/** Whether two CIDRs as written name the same network; one that cannot be read names none (a malformed answer). */
export function sameCidr(a: string, b: string): boolean {
  const [x, y] = [parseCidr(a), parseCidr(b)];
  return x !== undefined && y !== undefined && sameNetwork(x, y);
}
