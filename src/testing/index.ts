// cloudflare-service-bindings/testing: a stateful fake of the API for users'
// own tests. Not part of the main entry, which stays as small as it was.
export {
  createServiceBindingsFake,
  type FakeFailure,
  type FakeOptions,
  type FakeRequest,
  type FakeState,
  type ServiceBindingsFake,
} from "./fake.ts";
export { defaultSeed, type FakeBindingSeed, type FakeSeed } from "./seed.ts";
