// The binding lifecycle as a contract, with fast-check's model-based testing:
// random sequences of list services, create (refused on a CIDR already
// bound), list, get, delete and get of a deleted id, run through the real
// client against a model of the prefix's bindings, with the invariants checked
// after every step. A failure prints the shortest sequence that breaks, as a
// script.
//
// The prefix's advertisement is part of the model too: advertise and withdraw
// (the guarded helpers, with force since bindings a sequence creates may still
// be provisioning) change what Fetch BGP Prefix reports for the BGP prefix
// that spans the prefix, and changing it to what it is sends nothing.
//
// In the embedded run it targets the stateful fake (a fresh one per
// sequence, whose advertisement shows at once); against a real server
// (CONTRACT_BASE_URL with CONTRACT_ALLOW_WRITES=1) it runs a few short
// sequences on the target prefix, each deleting every binding it created, even
// when a step fails; advertising is added only with CONTRACT_ALLOW_ADVERTISE=1
// (each change then waited for, minutes each), and the advertisement is left
// as it was found.
import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
import {
  CloudflareApiError,
  ConflictError,
  createServiceBindingsClient,
  NotFoundError,
  type Service,
  type ServiceBindingsClient,
} from "../../src/index.ts";
import { createServiceBindingsFake } from "../../src/testing/index.ts";
import { target } from "../support/harness.ts";
import { expectSchema } from "../support/schemas.ts";

const external = target.mode === "external";
/** Whether sequences may advertise and withdraw the prefix: always on the fake, on a real one only when asked. */
const advertising = !external || process.env.CONTRACT_ALLOW_ADVERTISE === "1";
const SEQUENCES = external ? 3 : 100;
const MAX_COMMANDS = external ? 6 : 20;

/** What the model knows: the prefix's bindings by id (cidr and service), and the ids deleted. */
interface Model {
  live: Map<string, { cidr: string; service_id: string }>;
  created: string[];
  deleted: string[];
  /** What Fetch BGP Prefix reports for the BGP prefix that spans the prefix. */
  advertised: boolean | null;
}

/** The system under test: the client, pointed at the target, and what the sequence created. */
interface Real {
  client: ServiceBindingsClient;
  services: Service[];
  created: Set<string>;
  /** The BGP prefix that spans the target prefix. */
  bgpPrefixId: string;
}

/**
 * The CIDRs a sequence may create: random /32s of the fake's documentation prefix, few enough that some
 * creates meet a CIDR already bound; against a real server, CONTRACT_BINDING_CIDR (a CIDR the prefix may
 * bind), or a documentation address only a mock accepts.
 */
const cidrs = external
  ? fc.constant(process.env.CONTRACT_BINDING_CIDR ?? "192.0.2.1/32")
  : fc.integer({ min: 1, max: 16 }).map((host) => `192.0.2.${host}/32`);

/** Sequences run and commands run (each ends by checking the invariants), for the summary line. */
const counted = { sequences: 0, commands: 0 };

/** After every step: list equals the model, get of each live id shows what list shows, removed ids are gone. */
async function checkInvariants(model: Model, real: Real): Promise<void> {
  counted.commands++;
  const listed = await real.client.listServiceBindings({ prefix_id: target.prefixId });
  expect(listed.map((b) => [b.id, b.cidr, b.service_id]).sort()).toEqual(
    [...model.live].map(([id, b]) => [id, b.cidr, b.service_id]).sort(),
  );
  for (const shown of listed) {
    expectSchema(shown, "ServiceBinding");
    const got = await real.client.getServiceBinding({ prefix_id: target.prefixId, binding_id: shown.id });
    // Exactly what list showed; only a rollout may have moved on from provisioning in between.
    const moved = shown.provisioning.state === "provisioning" && got.provisioning.state !== "provisioning";
    expect(moved ? { ...got, provisioning: shown.provisioning } : got).toEqual(shown);
    // A state the spec does not name is passed through untouched, as a string.
    expect(typeof got.provisioning.state).toBe("string");
  }
  const bgp = await real.client.getBgpPrefix({ prefix_id: target.prefixId, bgp_prefix_id: real.bgpPrefixId });
  expectSchema(bgp, "BgpPrefix");
  expect(bgp.on_demand.advertised).toBe(model.advertised);
  for (const id of model.deleted.slice(-2)) {
    await expect(
      real.client.getServiceBinding({ prefix_id: target.prefixId, binding_id: id }),
    ).rejects.toBeInstanceOf(NotFoundError);
  }
}

type Command = fc.AsyncCommand<Model, Real>;

class ListServices implements Command {
  check = () => true;
  async run(model: Model, real: Real) {
    real.services = await real.client.listServices();
    expect(real.services.length).toBeGreaterThan(0);
    for (const service of real.services) expectSchema(service, "Service");
    await checkInvariants(model, real);
  }
  toString = () => "listServices()";
}

class Create implements Command {
  constructor(
    readonly cidr: string,
    readonly pick: number,
  ) {}
  // Against a real prefix, one binding of the given CIDR at a time.
  check = (model: Model) => !external || model.created.every((id) => !model.live.has(id));
  async run(model: Model, real: Real) {
    const usable = real.services.filter((s) => s.name !== "Magic Transit");
    const wanted = process.env.CONTRACT_SERVICE_NAME ?? "CDN";
    const service = external ? usable.find((s) => s.name === wanted) : usable[this.pick % usable.length];
    if (!service) throw new Error(`the target lists no ${external ? wanted : "service"} to bind to`);
    const creating = real.client.createServiceBinding({
      prefix_id: target.prefixId,
      body: { cidr: this.cidr, service_id: service.id },
    });
    // One service per address ("It is not possible (or necessary) to bind both services", Cloudflare's
    // service bindings page): a bound CIDR is refused, by the fake with 409 (its choice), and nothing changes.
    if ([...model.live.values()].some((bound) => bound.cidr === this.cidr)) {
      const refusal = await creating.then(
        (created) => {
          real.created.add(created.id);
          return created;
        },
        (error: unknown) => error,
      );
      expect(refusal).toBeInstanceOf(external ? CloudflareApiError : ConflictError);
      await checkInvariants(model, real);
      return;
    }
    const created = await creating;
    real.created.add(created.id);
    expect(created).toMatchObject({ cidr: this.cidr, service_id: service.id, service_name: service.name });
    model.live.set(created.id, { cidr: this.cidr, service_id: service.id });
    model.created.push(created.id);
    await checkInvariants(model, real);
  }
  toString = () => `createServiceBinding(${this.cidr}, service #${this.pick})`;
}

class List implements Command {
  check = () => true;
  async run(model: Model, real: Real) {
    await checkInvariants(model, real);
  }
  toString = () => "listServiceBindings()";
}

/** A binding the sequence created and has not deleted, chosen by `pick`. */
const liveCreated = (model: Model, pick: number) => {
  const ids = model.created.filter((id) => model.live.has(id));
  return ids[pick % ids.length];
};

class Get implements Command {
  constructor(readonly pick: number) {}
  check = (model: Model) => model.live.size > 0;
  async run(model: Model, real: Real) {
    const ids = [...model.live.keys()];
    const id = ids[this.pick % ids.length] as string;
    const got = await real.client.getServiceBinding({ prefix_id: target.prefixId, binding_id: id });
    expect({ cidr: got.cidr, service_id: got.service_id }).toEqual(model.live.get(id));
    await checkInvariants(model, real);
  }
  toString = () => `getServiceBinding(live #${this.pick})`;
}

class Delete implements Command {
  constructor(readonly pick: number) {}
  check = (model: Model) => liveCreated(model, this.pick) !== undefined;
  async run(model: Model, real: Real) {
    const id = liveCreated(model, this.pick) as string;
    await real.client.deleteServiceBinding({ prefix_id: target.prefixId, binding_id: id });
    real.created.delete(id);
    model.live.delete(id);
    model.deleted.push(id);
    await checkInvariants(model, real);
  }
  toString = () => `deleteServiceBinding(created #${this.pick})`;
}

class GetDeleted implements Command {
  constructor(readonly pick: number) {}
  check = (model: Model) => model.deleted.length > 0;
  async run(model: Model, real: Real) {
    const id = model.deleted[this.pick % model.deleted.length] as string;
    const params = { prefix_id: target.prefixId, binding_id: id };
    await expect(real.client.getServiceBinding(params)).rejects.toBeInstanceOf(NotFoundError);
    await expect(real.client.deleteServiceBinding(params)).rejects.toBeInstanceOf(NotFoundError);
    await checkInvariants(model, real);
  }
  toString = () => `getServiceBinding(deleted #${this.pick}), then delete it again`;
}

class ChangeAdvertisement implements Command {
  constructor(readonly advertise: boolean) {}
  check = () => advertising;
  async run(model: Model, real: Real) {
    const change = this.advertise ? real.client.advertisePrefix : real.client.withdrawPrefix;
    const result = await change(
      { prefix_id: target.prefixId },
      { force: true, ...(external ? { wait: { timeoutMs: 40 * 60_000 } } : {}) },
    );
    // Asking for what it already is sends nothing.
    expect(result.changed).toBe(model.advertised !== this.advertise);
    model.advertised = this.advertise;
    await checkInvariants(model, real);
  }
  toString = () => (this.advertise ? "advertisePrefix()" : "withdrawPrefix()");
}

const commands = [
  fc.constant(new ListServices()),
  fc.tuple(cidrs, fc.nat()).map(([cidr, pick]) => new Create(cidr, pick)),
  fc.constant(new List()),
  fc.nat().map((pick) => new Get(pick)),
  fc.nat().map((pick) => new Delete(pick)),
  fc.nat().map((pick) => new GetDeleted(pick)),
  fc.boolean().map((advertise) => new ChangeAdvertisement(advertise)),
];

afterAll(() => {
  console.log(
    `model-based lifecycle: ${counted.sequences} sequences, ${counted.commands} commands, against ${external ? target.baseUrl : "the stateful fake"}`,
  );
});

/** A client against the target: a fresh stateful fake in the embedded run, the real server otherwise. */
function clientForSequence(): ServiceBindingsClient {
  const options = { apiToken: target.apiToken, accountId: target.accountId, maxRetries: 0 };
  if (external) return createServiceBindingsClient({ ...options, baseUrl: target.baseUrl });
  // The fake's advertisement shows at once, so the model is its oracle without waiting.
  const fake = createServiceBindingsFake({ advertiseDelayMs: 0, withdrawDelayMs: 0 });
  return createServiceBindingsClient({ ...options, fetch: fake.fetch });
}

describe("the binding lifecycle, as random sequences checked against a model", () => {
  test(`${SEQUENCES} sequences of up to ${MAX_COMMANDS} commands keep list, get and delete consistent`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.commands(commands, { maxCommands: MAX_COMMANDS, size: "max" }),
        async (sequence) => {
          const client = clientForSequence();
          const prefix = await client.getPrefix({ prefix_id: target.prefixId });
          const spanning = (await client.listBgpPrefixes({ prefix_id: target.prefixId })).find(
            (b) => b.cidr === prefix.cidr,
          );
          if (!spanning)
            throw new Error(`no BGP prefix spans prefix ${prefix.cidr}: it needs its prefix-wide binding`);
          const real: Real = {
            client,
            services: await client.listServices(),
            created: new Set(),
            bgpPrefixId: spanning.id,
          };
          const before = await client.listServiceBindings({ prefix_id: target.prefixId });
          const model: Model = {
            live: new Map(before.map((b) => [b.id, { cidr: b.cidr, service_id: b.service_id }])),
            created: [],
            deleted: [],
            advertised: spanning.on_demand.advertised,
          };
          counted.sequences++;
          try {
            await fc.asyncModelRun(() => ({ model, real }), sequence);
          } finally {
            // Whatever happened, the prefix is left as it was found: its bindings, and its advertisement.
            for (const id of real.created) {
              await client
                .deleteServiceBinding({ prefix_id: target.prefixId, binding_id: id })
                .catch(() => undefined);
            }
            if (advertising && spanning.on_demand.advertised !== null) {
              const restore = spanning.on_demand.advertised ? client.advertisePrefix : client.withdrawPrefix;
              await restore({ prefix_id: target.prefixId }, { force: true }).catch(() => undefined);
            }
          }
          const after = await client.listServiceBindings({ prefix_id: target.prefixId });
          expect(after.map((b) => b.id).sort()).toEqual(before.map((b) => b.id).sort());
        },
      ),
      { numRuns: SEQUENCES, seed: 20261126 },
    );
  }, 120_000);
});
