// cloudflare-service-bindings/testing: a stateful fake of the API for users'
// own tests. Not part of the main entry, which stays as small as it was.
export {
  createServiceBindingsFake,
  type FakeOptions,
  type FakeRequest,
  LOST_ANSWER,
  type ServiceBindingsFake,
} from "./fake.ts";
export type { FakeFailure, FakeFaultTarget } from "./faults.ts";
export {
  defaultSeed,
  type FakeBgpPrefixSeed,
  type FakeBindingSeed,
  type FakePrefixMembers,
  type FakePrefixSeed,
  type FakeSeed,
} from "./seed.ts";
export type { FakeState } from "./store.ts";
