// The CIDR helpers live in src/cidr.ts (the client and the fake both use them).
export * from "../cidr.ts";
