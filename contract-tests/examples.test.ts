// Every operation x declared status x named example of the spec, through the
// client against Prism: success examples resolve to exactly the example's
// result, failures throw the class of their status with the example's error.
// Expected values are read from spec/openapi.yaml, never copied here.
import { describe, expect, test } from "vitest";
import { concreteStatuses, onlyOperations } from "../scripts/lib/contract-coverage.ts";
import { deref, loadSpec, operations, responses } from "../scripts/lib/spec.ts";
import {
  AuthenticationError,
  BadRequestError,
  CloudflareApiError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "../src/index.ts";
import { contractClient } from "./support/harness.ts";
import { invoke, specInputs } from "./support/invoke.ts";
import { selectedOperations } from "./support/target.ts";

// Every operation of the spec, or those CONTRACT_OPERATIONS names.
const spec = onlyOperations(loadSpec(), selectedOperations(process.env));

/** The class a status must map to, for every declared status and every stand-in of a range (see RANGE_STAND_INS). */
const EXPECTED_CLASS: Record<string, typeof CloudflareApiError> = {
  "400": BadRequestError,
  "401": AuthenticationError,
  "403": PermissionDeniedError,
  "404": NotFoundError,
  "409": ConflictError,
  "410": CloudflareApiError,
  "422": UnprocessableEntityError,
  "429": RateLimitError,
  "500": InternalServerError,
  "502": InternalServerError,
  "503": InternalServerError,
};

/** Error codes that decide the class over the status: the live API answers missing credentials with 400 and 9106. */
const EXPECTED_CLASS_BY_CODE: Record<number, typeof CloudflareApiError> = { 9106: AuthenticationError };

async function outcome(promise: Promise<unknown>): Promise<{ value?: unknown; error?: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

for (const operation of operations(spec)) {
  describe(`${operation.method.toUpperCase()} ${operation.path} (${operation.operationId})`, () => {
    for (const response of responses(spec, operation)) {
      for (const [name, example] of Object.entries(response.examples)) {
        const expected = example.value;
        if (response.status.startsWith("2")) {
          test(`${response.status} "${name}": resolves to exactly the example's result`, async () => {
            const client = contractClient({ prefer: { code: Number(response.status), example: name } });
            const result = await invoke(client, operation.operationId, specInputs(operation.operationId));
            expect(result).toEqual("result" in expected ? expected.result : undefined);
          });
          continue;
        }
        const statuses = concreteStatuses(response.status);
        for (const status of statuses) {
          const ErrorClass =
            EXPECTED_CLASS_BY_CODE[expected.errors[0].code] ?? EXPECTED_CLASS[String(status)];
          test(`${status} "${name}": throws ${ErrorClass?.name} with the example's status and error`, async () => {
            const client = contractClient({ prefer: { code: status, example: name } });
            const { error } = await outcome(
              invoke(client, operation.operationId, specInputs(operation.operationId)),
            );
            // The class itself, not a subclass: the base class of 410 would otherwise admit any error.
            expect((error as object).constructor).toBe(ErrorClass);
            const apiError = error as CloudflareApiError;
            expect(apiError.status).toBe(status);
            expect(apiError.errors).toEqual(expected.errors);
            expect(apiError.messages).toEqual(expected.messages);
            expect(apiError.code).toBe(expected.errors[0].code);
            expect(apiError.message).toContain(
              `-> ${status}: ${expected.errors[0].message} (code ${expected.errors[0].code})`,
            );
            const retryAfter = response.response.headers?.["Retry-After"];
            if (retryAfter) expect(apiError.retryAfterSeconds).toBe(deref(spec, retryAfter).example);
          });
        }
      }
    }
  });
}
