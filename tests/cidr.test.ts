// CIDR notation as the fake reads it: IPv4 and IPv6 networks, what is not one,
// and which networks lie inside which.
import { describe, expect, test } from "vitest";
import { contains, parseCidr, sameCidr, sameNetwork } from "../src/cidr.ts";

const net = (cidr: string) => {
  const parsed = parseCidr(cidr);
  if (!parsed) throw new Error(`${cidr} did not parse`);
  return parsed;
};

describe("parseCidr", () => {
  test.each([
    ["192.0.2.0/24", 32, 0xc0000200n, 24],
    ["192.0.2.77/24", 32, 0xc0000200n, 24], // host bits are cleared
    ["255.255.255.255/32", 32, 0xffffffffn, 32],
    ["0.0.0.0/0", 32, 0n, 0],
    ["2001:db8::/48", 128, 0x20010db8n << 96n, 48],
    ["2001:DB8:0:0:0:0:0:1/128", 128, (0x20010db8n << 96n) | 1n, 128],
    ["::1/128", 128, 1n, 128],
    ["::/0", 128, 0n, 0],
    ["2001:db8:1::ffff/64", 128, (0x20010db8n << 96n) | (1n << 80n), 64],
    ["2001:db8:1:2:3:4:5::/128", 128, 0x20010db8000100020003000400050000n, 128], // "::" for one group
    ["::1:2:3:4:5:6:7/128", 128, 0x00000001000200030004000500060007n, 128],
  ])("%s is a network of %i bits", (cidr, bits, address, length) => {
    expect(parseCidr(cidr)).toEqual({ bits, address, length });
  });

  test.each([
    "192.0.2.0",
    "192.0.2.0/33",
    "192.0.2/24",
    "192.0.2.0.1/24",
    "192.0.2.256/24",
    "192.0.2.1a/24",
    "a192.0.2.1/24",
    "192.0.2.1/24/1",
    "x192.0.2.1/24",
    "x/192.0.2.1/24",
    "2001:db8::/64/64",
    "192.0.2.1/24x",
    "/24",
    "2001:db8::/129",
    "2001:db8:::1/64",
    "2001:db8::1::2/64",
    "1:2:3:4:5:6:7/64",
    "1:2:3:4:5:6:7:8:9/64",
    "1:2:3:4::5:6:7:8/64",
    "2001:db8::12345/64",
    "2001:db8::g/64",
    "x2001:db8::/64",
    "",
  ])("%j is not one", (cidr) => {
    expect(parseCidr(cidr)).toBeUndefined();
  });
});

describe("contains and sameNetwork", () => {
  test.each([
    ["192.0.2.0/24", "192.0.2.0/24", true],
    ["192.0.2.0/24", "192.0.2.128/25", true],
    ["192.0.2.0/24", "192.0.2.7/32", true],
    ["192.0.2.0/24", "192.0.3.0/32", false],
    ["192.0.2.0/24", "192.0.0.0/16", false],
    ["192.0.2.0/24", "2001:db8::/64", false],
    ["2001:db8::/48", "2001:db8:0:ffff::/64", true],
    ["2001:db8::/48", "2001:db9::/64", false],
    ["0.0.0.0/0", "::/64", false], // another family, even where the bits agree
    ["::/0", "0.0.0.0/8", false],
    ["192.0.0.0/24", "192.0.0.0/16", false], // wider, though its first bits agree
  ])("%s contains %s: %s", (outer, inner, expected) => {
    expect(contains(net(outer), net(inner))).toBe(expected);
  });

  test("the same network is the same address, length and family", () => {
    expect(sameNetwork(net("192.0.2.0/24"), net("192.0.2.9/24"))).toBe(true);
    expect(sameNetwork(net("192.0.2.0/24"), net("192.0.2.0/25"))).toBe(false);
    expect(sameNetwork(net("192.0.2.0/24"), net("192.0.3.0/24"))).toBe(false);
    expect(sameNetwork(net("0.0.0.0/0"), net("::/0"))).toBe(false);
  });
});

describe("sameCidr", () => {
  test("two spellings of one network are the same; another length or address is not", () => {
    expect(sameCidr("2001:db8::/32", "2001:0db8:0000::/32")).toBe(true);
    expect(sameCidr("192.0.2.0/24", "192.0.2.0/25")).toBe(false);
    expect(sameCidr("192.0.2.0/24", "198.51.100.0/24")).toBe(false);
  });

  test("a CIDR that cannot be read (a malformed answer) names no network, on either side", () => {
    expect(sameCidr("192.0.2.0/24", "not a cidr")).toBe(false);
    expect(sameCidr("not a cidr", "192.0.2.0/24")).toBe(false);
    expect(sameCidr("not a cidr", "not a cidr")).toBe(false);
  });
});
