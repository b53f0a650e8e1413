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
import { anyInputs, invoke, tableEntry, validInputs } from "./support/invoke.ts";
import { expectValid } from "./support/schemas.ts";

/** Generated valid calls per operation: the coverage gate requires this many. */
const RUNS = 200;

/** Generated calls with any input per operation; most never leave the client, so fewer find as much. */
const ANY_INPUT_RUNS = 100;
const spec = loadSpec();

describe.concurrent.each(operations(spec).map((o) => [o.operationId, o] as const))(
  "%s",
  (operationId, operation) => {
    const statuses = responses(spec, operation).map((r) => r.status);
    const { path, result } = tableEntry(operationId);
    // What the spec says the envelope's `result` is for this operation's success.
    const success = responses(spec, operation).find((r) => r.status.startsWith("2"));
    const resultSchema = flatten(spec, success?.schema).properties.result;

    test(`${RUNS} random valid inputs, each with a random spec-valid answer: Prism accepts every request and the client parses every answer`, async (context) => {
      await fc.assert(
        fc.asyncProperty(validInputs(operationId), fc.constantFrom(...statuses), async (inputs, declared) => {
          const code = concreteStatuses(declared)[0] ?? Number(declared);
          const client = contractClient({ prefer: { dynamic: true, code }, test: context });
          const outcome = await invoke(client, operationId, inputs).then(
            (value) => ({ value, error: undefined }),
            (error: unknown) => ({ value: undefined, error }),
          );
          expect(takeViolations(client)).toEqual([]);
          if (code < 300) {
            expect(outcome.error).toBeUndefined();
            // A result that is absent or only ever null (delete): the client resolves to undefined.
            if (result === "none") expect(outcome.value).toBeUndefined();
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

    test(`${ANY_INPUT_RUNS} random inputs, valid or not: each is refused before sending, accepted by Prism, or a typed error, never a success Prism objected to`, async (context) => {
      let refused = 0;
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(fc.oneof(validInputs(operationId), anyInputs(operationId)), async (inputs) => {
          const client = contractClient({
            prefer: { code: operation.method === "post" ? 201 : 200 },
            test: context,
          });
          const outcome = await invoke(client, operationId, inputs).then(
            () => ({ error: undefined }),
            (error: unknown) => ({ error }),
          );
          const violations = takeViolations(client);
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

    test(`${ANY_INPUT_RUNS} forbidden inputs that get past the client (an over-long id put into the path after its checks): each comes back as UnprocessableEntityError, never a success`, async (context) => {
      const overLong = fc.string({
        unit: fc.constantFrom(..."abcdef0123456789"),
        minLength: 33,
        maxLength: 64,
      });
      await fc.assert(
        fc.asyncProperty(validInputs(operationId), overLong, async (inputs, id) => {
          const client = contractClient({
            test: context,
            // Replaces the value of the path's last parameter (the binding's, the prefix's or the account's) with the over-long one.
            rewrite: (request) => {
              const url = new URL(request.url);
              const segments = url.pathname.split("/");
              const template = path.split("/");
              const last = template.findLastIndex((segment) => segment.startsWith("{"));
              segments[segments.length - template.length + last] = id;
              url.pathname = segments.join("/");
              return new Request(url, request);
            },
          });
          const outcome = await invoke(client, operationId, inputs).then(
            () => ({ error: undefined }),
            (error: unknown) => ({ error }),
          );
          expect(JSON.stringify(takeViolations(client))).toContain("must NOT have more than 32 characters");
          expect(outcome.error).toBeInstanceOf(UnprocessableEntityError);
          expect((outcome.error as CloudflareApiError).status).toBe(422);
        }),
        { numRuns: ANY_INPUT_RUNS, seed: 20261126 },
      );
    });
  },
);
