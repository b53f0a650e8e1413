// Bindings as code converge, checked by property against the stateful fake:
// from a random state to a random file, an apply (interrupted at a random point
// by a lost answer or a failure, or not at all) then one more apply always
// reach the file: the plan is empty, no CIDR is bound twice, and no binding the
// file keeps was ever deleted.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { applyServiceBindingsPlan, planServiceBindings } from "../../src/declarative/index.ts";
import type { FakeSeed } from "../../src/testing/index.ts";
import { ACCOUNT, desiredFrom, fileWith, PREFIX, SERVICES, serviceId, setup } from "./support.ts";

const SEQUENCES = 100;

/** The more specific networks of the prefix a binding may cover, and what each may be bound to. */
const CANDIDATES = ["192.0.2.16/29", "192.0.2.32/29", "192.0.2.64/26", "192.0.2.128/30", "192.0.2.200/32"];
const choice = fc.constantFrom(undefined, "CDN", "Spectrum");
const bindings = fc.tuple(...CANDIDATES.map(() => choice));
const fault = fc.option(
  fc.record({
    kind: fc.constantFrom("lose", "fail"),
    operation: fc.constantFrom(
      "createServiceBinding",
      "deleteServiceBinding",
      "updateBgpPrefix",
      "listServiceBindings",
    ),
    nth: fc.integer({ min: 1, max: 3 }),
  }),
  { nil: undefined },
);

function seedOf(current: (string | undefined)[], advertised: boolean): FakeSeed {
  return {
    services: SERVICES,
    accounts: [
      {
        id: ACCOUNT,
        prefixes: [
          {
            id: PREFIX,
            cidr: "192.0.2.0/24",
            on_demand: { advertised },
            bindings: [
              { cidr: "192.0.2.0/24", service_id: serviceId("Magic Transit") },
              ...CANDIDATES.flatMap((cidr, i) =>
                current[i] ? [{ cidr, service_id: serviceId(current[i] as string) }] : [],
              ),
            ],
          },
        ],
      },
    ],
  };
}

describe("bindings as code, from any state to any file", () => {
  test(`${SEQUENCES} random states, files and interruptions: apply, then apply again, reaches the file`, async () => {
    await fc.assert(
      fc.asyncProperty(
        bindings,
        fc.boolean(),
        bindings,
        fc.option(fc.boolean(), { nil: undefined }),
        fault,
        async (current, advertised, wanted, wantAdvertised, interruption) => {
          const { fake, client } = setup({ seed: seedOf(current, advertised), newBindingState: "active" });
          const want = Object.fromEntries([
            ["192.0.2.0/24", "Magic Transit"],
            ...CANDIDATES.flatMap((cidr, i) => (wanted[i] ? [[cidr, wanted[i] as string]] : [])),
          ]);
          const extra = wantAdvertised === undefined ? "" : `    advertised: ${wantAdvertised}\n`;
          const desired = desiredFrom(fileWith(want, extra));
          const kept = (fake.state().accounts[0]?.prefixes[0]?.bindings ?? []).filter(
            (b) => want[b.cidr] === b.service_name,
          );

          if (interruption?.kind === "lose")
            fake.loseNextAnswer({ operation: interruption.operation, nth: interruption.nth });
          if (interruption?.kind === "fail") {
            fake.failNext({ status: 500, operation: interruption.operation, nth: interruption.nth });
          }
          // Interrupted or not, the first apply leaves a state the second one finishes from.
          await applyServiceBindingsPlan(client, await planServiceBindings(client, desired)).catch(
            () => undefined,
          );
          const second = await applyServiceBindingsPlan(client, await planServiceBindings(client, desired));
          expect(second.converged).toBe(true);

          // An advertisement takes minutes to show: past them, nothing is left to do.
          fake.advanceTime(3_600_000);
          expect((await planServiceBindings(client, desired)).steps).toEqual([]);
          const now = fake.state().accounts[0]?.prefixes[0]?.bindings ?? [];
          expect(now.map((b) => b.cidr).sort()).toEqual(Object.keys(want).sort());
          expect(new Set(now.map((b) => b.cidr)).size).toBe(now.length);
          for (const binding of kept) {
            expect(fake.requests.some((r) => r.method === "DELETE" && r.path.endsWith(binding.id))).toBe(
              false,
            );
          }
        },
      ),
      { numRuns: SEQUENCES, seed: 20261202 },
    );
  });
});
