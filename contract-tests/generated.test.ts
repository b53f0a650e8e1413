// Generated inputs and answers, with Prism in dynamic mode (seeded): every
// spec-valid input the client sends is accepted by Prism, every spec-valid
// answer Prism generates is parsed by the client, and an input the spec
// forbids never comes back as a success.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { concreteStatuses } from "../scripts/lib/contract-coverage.ts";
import { flatten, loadSpec, operations, responses } from "../scripts/lib/spec.ts";
import {
  CloudflareApiError,
  InvalidArgumentError,
  MalformedResponseError,
  UnprocessableEntityError,
} from "../src/index.ts";
import { contractClient, takeViolations } from "./support/harness.ts";
import { type Inputs, invoke } from "./support/invoke.ts";
import { expectValid } from "./support/schemas.ts";

/** Generated valid calls per operation: the coverage gate requires this many. */
const RUNS = 200;

/** Generated calls with any input per operation; most never leave the client, so fewer find as much. */
const ANY_INPUT_RUNS = 100;
const spec = loadSpec();

/** A spec-valid identifier: 1 to 32 characters (the client also refuses "." and "..", which no URL can carry). */
const validId = fc
  .string({ unit: "binary", minLength: 1, maxLength: 32 })
  .filter((id) => id !== "." && id !== ".." && id.isWellFormed() && [...id].length <= 32);

const validInputs: fc.Arbitrary<Inputs> = fc.record({
  account_id: validId,
  prefix_id: validId,
  binding_id: validId,
  body: fc.record({ cidr: fc.string({ unit: "binary", maxLength: 50 }), service_id: validId }),
});

/** Anything at all, including what the spec forbids: long, empty or non-string ids, and broken bodies. */
const anyValue = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("", ".", "..", "x".repeat(33)),
  fc.integer(),
  fc.constant(null),
  fc.constant(undefined),
);
const anyInputs = fc.record({
  account_id: anyValue,
  prefix_id: anyValue,
  binding_id: anyValue,
  body: fc.oneof(fc.record({ cidr: anyValue, service_id: anyValue }, { requiredKeys: [] }), anyValue),
}) as unknown as fc.Arbitrary<Inputs>;

describe.concurrent.each(operations(spec).map((o) => [o.operationId, o] as const))(
  "%s",
  (operationId, operation) => {
    const statuses = responses(spec, operation).map((r) => r.status);
    // What the spec says the envelope's `result` is for this operation's success.
    const success = responses(spec, operation).find((r) => r.status.startsWith("2"));
    const resultSchema = flatten(spec, success?.schema).properties.result;

    test(`${RUNS} random valid inputs, each with a random spec-valid answer: Prism accepts every request and the client parses every answer`, async () => {
      await fc.assert(
        fc.asyncProperty(validInputs, fc.constantFrom(...statuses), async (inputs, declared) => {
          const code = concreteStatuses(declared)[0] ?? Number(declared);
          const client = contractClient({ prefer: { dynamic: true, code } });
          const outcome = await invoke(client, operationId, inputs).then(
            (value) => ({ value, error: undefined }),
            (error: unknown) => ({ value: undefined, error }),
          );
          expect(takeViolations()).toEqual([]);
          if (code < 300) {
            expect(outcome.error).toBeUndefined();
            // `false` (delete) forbids a result: the client resolves to undefined.
            if (resultSchema === false) expect(outcome.value).toBeUndefined();
            else expectValid(outcome.value, resultSchema);
          } else {
            expect(outcome.error).toBeInstanceOf(CloudflareApiError);
            expect(outcome.error).not.toBeInstanceOf(MalformedResponseError);
            expect((outcome.error as CloudflareApiError).status).toBe(code);
            expect((outcome.error as CloudflareApiError).errors.length).toBeGreaterThan(0);
          }
        }),
        { numRuns: RUNS, seed: 20261126 },
      );
    });

    test(`${ANY_INPUT_RUNS} random inputs, valid or not: each is refused before sending, accepted by Prism, or a typed error, never a success Prism objected to`, async () => {
      let refused = 0;
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(fc.oneof(validInputs, anyInputs), async (inputs) => {
          const client = contractClient({ prefer: { code: operation.method === "post" ? 201 : 200 } });
          const outcome = await invoke(client, operationId, inputs).then(
            () => ({ error: undefined }),
            (error: unknown) => ({ error }),
          );
          const violations = takeViolations();
          if (outcome.error instanceof InvalidArgumentError) {
            refused++;
            expect(violations).toEqual([]);
          } else if (violations.length > 0) {
            expect(outcome.error).toBeInstanceOf(CloudflareApiError);
          } else {
            accepted++;
            expect(outcome.error).toBeUndefined();
          }
        }),
        { numRuns: ANY_INPUT_RUNS, seed: 20261126 },
      );
      // Both outcomes occurred, so neither branch of the property is vacuous.
      expect(refused).toBeGreaterThan(0);
      expect(accepted).toBeGreaterThan(0);
    });

    test(`${ANY_INPUT_RUNS} forbidden inputs that get past the client (an over-long id put into the path after its checks): each comes back as UnprocessableEntityError, never a success`, async () => {
      const overLong = fc.string({
        unit: fc.constantFrom(..."abcdef0123456789"),
        minLength: 33,
        maxLength: 64,
      });
      await fc.assert(
        fc.asyncProperty(validInputs, overLong, async (inputs, id) => {
          const client = contractClient({
            // Replaces the last id of the path (the binding's, the prefix's or the account's) with the over-long one.
            rewrite: (request) => {
              const url = new URL(request.url);
              url.pathname = url.pathname.replace(
                /\/[^/]+(\/bindings|\/addressing\/services)?$/,
                (_, rest = "") => `/${id}${rest}`,
              );
              return new Request(url, request);
            },
          });
          const outcome = await invoke(client, operationId, inputs).then(
            () => ({ error: undefined }),
            (error: unknown) => ({ error }),
          );
          expect(JSON.stringify(takeViolations())).toContain("must NOT have more than 32 characters");
          expect(outcome.error).toBeInstanceOf(UnprocessableEntityError);
          expect((outcome.error as CloudflareApiError).status).toBe(422);
        }),
        { numRuns: ANY_INPUT_RUNS, seed: 20261126 },
      );
    });
  },
);
