// Plans and apply results as people read them: a diff grouped by prefix with a
// count, progress lines with their elapsed time, and colour only when asked for.
import { describe, expect, test } from "vitest";
import {
  applyServiceBindingsPlan,
  planServiceBindings,
  renderApplyEnd,
  renderPlan,
} from "../../src/declarative/index.ts";
import { renderEvent } from "../../src/declarative/render.ts";
import { CDN, MAGIC_TRANSIT, SPECTRUM, seedWith } from "../testing/fake-support.ts";
import { ACCOUNT, desiredFrom, EXAMPLE, PREFIX, setup } from "./support.ts";

const PLAIN = { colour: false };
const COLOUR = { colour: true };

/** `text` in an ANSI colour, as a terminal receives it. */
const ansi = {
  green: (text: string) => `\u001b[32m${text}\u001b[39m`,
  yellow: (text: string) => `\u001b[33m${text}\u001b[39m`,
  red: (text: string) => `\u001b[31m${text}\u001b[39m`,
  dim: (text: string) => `\u001b[2m${text}\u001b[22m`,
};

/**
 * An account of three prefixes: the default one with a Spectrum binding the file leaves out, an advertised
 * one the file wants withdrawn, and one that already matches the file.
 */
async function threePrefixPlan() {
  const { client } = setup({
    seed: seedWith(
      {
        id: PREFIX,
        cidr: "192.0.2.0/24",
        bindings: [
          { cidr: "192.0.2.0/24", service_id: MAGIC_TRANSIT },
          { cidr: "192.0.2.64/26", service_id: SPECTRUM },
        ],
      },
      {
        id: "b".repeat(32),
        cidr: "198.51.100.0/24",
        bindings: [{ cidr: "198.51.100.0/24", service_id: CDN }],
        on_demand: { advertised: true },
      },
      { id: "c".repeat(32), cidr: "203.0.113.0/24", bindings: [{ cidr: "203.0.113.0/24", service_id: CDN }] },
    ),
  });
  const text = `prefixes:
  - prefix: ${PREFIX}
    bindings:
      192.0.2.0/24: Magic Transit
      192.0.2.16/29: CDN
    advertised: true
  - prefix: 198.51.100.0/24
    bindings:
      198.51.100.0/24: CDN
    advertised: false
  - prefix: 203.0.113.0/24
    bindings:
      203.0.113.0/24: CDN
`;
  return planServiceBindings(client, desiredFrom(text));
}

describe("renderPlan", () => {
  test("a diff grouped by prefix, each step with its reason, a prefix without steps left out, then a count", async () => {
    const plan = await threePrefixPlan();
    // In the file's order of prefixes; within one, in the plan's order.
    expect(renderPlan(plan, PLAIN).split("\n")).toEqual([
      `Plan for bindings.yaml (account ${ACCOUNT}):`,
      `  prefix 192.0.2.0/24 (${PREFIX})`,
      "    - delete 192.0.2.64/26 -> Spectrum  (the file does not list 192.0.2.64/26)",
      "    + create 192.0.2.16/29 -> CDN  (the prefix has no binding of 192.0.2.16/29)",
      "    ~ advertise 192.0.2.0/24  (the file wants it advertised; it is withdrawn)",
      `  prefix 198.51.100.0/24 (${"b".repeat(32)})`,
      "    ~ withdraw 198.51.100.0/24  (the file wants it withdrawn; it is advertised)",
      "1 to create, 1 to delete, 1 to advertise, 1 to withdraw.",
    ]);
  });

  test("on a terminal, each step in its action's colour and its reason dimmed", async () => {
    const lines = renderPlan(await threePrefixPlan(), COLOUR).split("\n");
    expect(lines[2]).toBe(
      `    ${ansi.red("- delete 192.0.2.64/26 -> Spectrum")}  ${ansi.dim("(the file does not list 192.0.2.64/26)")}`,
    );
    expect(lines[3]).toContain(ansi.green("+ create 192.0.2.16/29 -> CDN"));
    expect(lines[4]).toContain(ansi.yellow("~ advertise 192.0.2.0/24"));
    expect(lines[6]).toContain(ansi.yellow("~ withdraw 198.51.100.0/24"));
  });
});

describe("an apply's progress and end", () => {
  test("each outcome says what it was, coloured on a terminal: done green, pending yellow, already so dimmed", async () => {
    const { client } = setup();
    const plan = await planServiceBindings(client, desiredFrom(EXAMPLE));
    const [create, advertise] = (await applyServiceBindingsPlan(client, plan)).outcomes;
    if (create === undefined || advertise === undefined) throw new Error("expected two outcomes");
    const line = (outcome: typeof create, how = PLAIN) => renderEvent({ type: "step", outcome }, how);
    expect(line(create)).toBe(`done: + create 192.0.2.16/29 -> CDN (${create.detail})`);
    expect(line(create, COLOUR)).toBe(
      `${ansi.green("done:")} + create 192.0.2.16/29 -> CDN (${create.detail})`,
    );
    expect(line(advertise, COLOUR)).toBe(
      `${ansi.yellow("pending:")} ~ advertise 192.0.2.0/24 (${advertise.detail})`,
    );
    const already = { ...create, outcome: "already" as const, detail: "it was there when re-read" };
    expect(line(already)).toBe("already so: + create 192.0.2.16/29 -> CDN (it was there when re-read)");
    expect(line(already, COLOUR)).toBe(
      `${ansi.dim("already so:")} + create 192.0.2.16/29 -> CDN (it was there when re-read)`,
    );
  });

  test.each([
    [0, "0s"],
    [59_999, "59s"],
    [65_000, "1m05s"],
    [3_600_000, "1h00m00s"],
    [3_723_000, "1h02m03s"],
    [36_000_000 + 59 * 60_000 + 9_000, "10h59m09s"],
  ])("a poll %i ms into a wait shows %s elapsed", (elapsedMs, elapsed) => {
    const poll = {
      type: "poll",
      elapsedMs,
      waitingFor: "192.0.2.16/29 -> CDN",
      state: "provisioning",
      poll: 3,
    } as const;
    expect(renderEvent(poll, PLAIN)).toBe(
      `[${elapsed}] waiting for 192.0.2.16/29 -> CDN: provisioning (poll 3)`,
    );
    expect(renderEvent(poll, COLOUR)).toBe(ansi.dim(renderEvent(poll, PLAIN)));
  });

  test("an apply that is not done lists the steps left, each with its reason, under a red heading", async () => {
    const { client } = setup();
    const result = await applyServiceBindingsPlan(
      client,
      await planServiceBindings(client, desiredFrom(EXAMPLE)),
    );
    const reason = "the file wants it advertised; it is withdrawn";
    expect(renderApplyEnd(result, PLAIN)).toBe(
      `Not done: 1 step(s) left:\n  ~ advertise 192.0.2.0/24  (${reason})`,
    );
    expect(renderApplyEnd(result, COLOUR).split("\n")[0]).toBe(ansi.red("Not done: 1 step(s) left:"));
  });
});
