// cloudflare-service-bindings/testing: a stateful fake of the API for users'
// own tests. Not part of the main entry, which stays as small as it was.
export {
  createServiceBindingsFake,
  type FakeOptions,
  type FakeRequest,
  type ServiceBindingsFake,
} from "./fake.ts";
export type { FakeFailure } from "./faults.ts";
export { defaultSeed, type FakeBindingSeed, type FakeSeed } from "./seed.ts";
export type { FakeState } from "./store.ts";
