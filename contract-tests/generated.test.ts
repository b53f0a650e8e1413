// Generated inputs and answers, with Prism in dynamic mode (seeded): every
// spec-valid input the client sends is accepted by Prism, every spec-valid
// answer Prism generates is parsed by the client, and an input the spec
// forbids never comes back as a success.
//
// How many calls, and why (each number is chosen by what it finds, not round):
// - Valid inputs: DYNAMIC_RUNS_REQUIRED per operation. The inputs span every
//   length up to the spec's limits and mix in the characters URLs treat
//   specially; a planted defect that refuses a valid id (counting UTF-16 units
//   instead of code points) was found within 6 runs under each of 5 seeds, so
//   25 leave a margin of four.
// - Generated answers: one per declared status. Seeded, Prism generates the
//   same answer for the same operation and status every time (and always
//   fills optional members), so a second call of a status finds nothing new.
// - Inputs of any shape: 20. Most are refused before anything is sent; both
//   outcomes must occur, so neither branch is vacuous.
// - Over-long ids forced past the client: one per path parameter, since the
//   value does not matter, only where it sits.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { concreteStatuses, DYNAMIC_RUNS_REQUIRED, onlyOperations } from "../scripts/lib/contract-coverage.ts";
import { flatten, loadSpec, operations, responses } from "../scripts/lib/spec.ts";
import {
  CloudflareApiError,
  InvalidArgumentError,
  MalformedResponseError,
  UnprocessableEntityError,
} from "../src/index.ts";
import { contractClient, takeViolations } from "./support/harness.ts";
import { anyInputs, invoke, specInputs, tableEntry, validInputs } from "./support/invoke.ts";
import { expectValid } from "./support/schemas.ts";
import { selectedOperations } from "./support/target.ts";

/** Generated calls with any input per operation. */
const ANY_INPUT_RUNS = 20;
const SEED = 20261126;
// Every operation of the spec, or those CONTRACT_OPERATIONS names.
const spec = onlyOperations(loadSpec(), selectedOperations(process.env));

async function settle(promise: Promise<unknown>): Promise<{ value?: unknown; error?: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

describe.concurrent.each(operations(spec).map((o) => [o.operationId, o] as const))(
  "%s",
  (operationId, operation) => {
    const declared = responses(spec, operation);
    const { path, pathParams, result } = tableEntry(operationId);
    // What the spec says the envelope's `result` is for this operation's success.
    const success = declared.find((r) => r.status.startsWith("2"));
    const successCode = Number(success?.status);
    const resultSchema = flatten(spec, success?.schema).properties.result;
    /** The client resolved as the spec promises for a success: nothing when it has no result, else a valid one. */
    const expectValidResult = (value: unknown) => {
      if (result === "none") expect(value).toBeUndefined();
      else expectValid(value, resultSchema);
    };

    test(`${DYNAMIC_RUNS_REQUIRED} random valid inputs, each with a generated success: Prism accepts every request and the client returns a valid result`, async (context) => {
      await fc.assert(
        fc.asyncProperty(validInputs(operationId), async (inputs) => {
          const client = contractClient({ prefer: { dynamic: true, code: successCode }, test: context });
          const outcome = await settle(invoke(client, operationId, inputs));
          expect(takeViolations(client)).toEqual([]);
          expect(outcome.error).toBeUndefined();
          expectValidResult(outcome.value);
        }),
        { numRuns: DYNAMIC_RUNS_REQUIRED, seed: SEED },
      );
    });

    test.for(declared.map((r) => [r.status, concreteStatuses(r.status)[0] ?? Number(r.status)] as const))(
      "the generated answer of %s is parsed: a success to a valid result, a failure to the typed error of its status",
      async ([, code], context) => {
        const client = contractClient({ prefer: { dynamic: true, code }, test: context });
        const outcome = await settle(invoke(client, operationId, specInputs(operationId)));
        expect(takeViolations(client)).toEqual([]);
        if (code < 300) {
          expect(outcome.error).toBeUndefined();
          expectValidResult(outcome.value);
        } else {
          expect(outcome.error).toBeInstanceOf(CloudflareApiError);
          expect(outcome.error).not.toBeInstanceOf(MalformedResponseError);
          expect((outcome.error as CloudflareApiError).status).toBe(code);
          expect((outcome.error as CloudflareApiError).errors.length).toBeGreaterThan(0);
        }
      },
    );

    test(`${ANY_INPUT_RUNS} random inputs, valid or not: each is refused before sending, accepted by Prism, or a typed error, never a success Prism objected to`, async (context) => {
      let refused = 0;
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(fc.oneof(validInputs(operationId), anyInputs(operationId)), async (inputs) => {
          const client = contractClient({ prefer: { code: successCode }, test: context });
          const outcome = await settle(invoke(client, operationId, inputs));
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
        { numRuns: ANY_INPUT_RUNS, seed: SEED },
      );
      // Both outcomes occurred, so neither branch of the property is vacuous.
      expect(refused).toBeGreaterThan(0);
      expect(accepted).toBeGreaterThan(0);
    });

    test.for(pathParams)(
      "an over-long %s put into the path after the client's checks comes back as UnprocessableEntityError, never a success",
      async (name, context) => {
        const template = path.split("/");
        const at = template.indexOf(`{${name}}`);
        const client = contractClient({
          test: context,
          // Stands in for a client that let through an id the spec forbids: 33 characters, one over the limit.
          rewrite: (request) => {
            const url = new URL(request.url);
            const segments = url.pathname.split("/");
            segments[segments.length - template.length + at] = "a".repeat(33);
            url.pathname = segments.join("/");
            return new Request(url, request);
          },
        });
        const outcome = await settle(invoke(client, operationId, specInputs(operationId)));
        expect(JSON.stringify(takeViolations(client))).toContain("must NOT have more than 32 characters");
        expect(outcome.error).toBeInstanceOf(UnprocessableEntityError);
        expect((outcome.error as CloudflareApiError).status).toBe(422);
      },
    );
  },
);
