// planServiceBindings: what it takes to get from the account's bindings to a
// desired state, as an ordered list of steps, each with its reason. Every rule
// Cloudflare documents is checked before anything is sent, and every violation
// is reported at once, with the file's line where there is one.
import { ADVERTISEMENT_RULES } from "../advertise.ts";
import { contains, type Network, parseCidr, sameCidr, sameNetwork } from "../cidr.ts";
import type { ServiceBindingsClient } from "../client.ts";
import type { BgpPrefix, Prefix, Service, ServiceBinding } from "../types.ts";
import { PlanError, type SourcePosition, type SourceProblem } from "./errors.ts";
import type { DesiredPrefix, DesiredState } from "./file.ts";

/** One step of a plan. */
export type PlanStep =
  | {
      action: "create";
      prefix: PlannedPrefixRef;
      cidr: string;
      service: Service;
      reason: string;
      at?: SourcePosition;
    }
  | {
      action: "delete";
      prefix: PlannedPrefixRef;
      cidr: string;
      service: Service;
      bindingId: string;
      reason: string;
    }
  | { action: "advertise" | "withdraw"; prefix: PlannedPrefixRef; reason: string; at?: SourcePosition };

/** The prefix a step is about. */
export interface PlannedPrefixRef {
  id: string;
  cidr: string;
}

/** A prefix of the plan: as it is, and as the file wants it. */
export interface PlannedPrefix extends PlannedPrefixRef {
  current: { bindings: ServiceBinding[]; advertised: boolean | null | undefined };
  desired: { bindings: { cidr: string; service: Service }[]; advertised: boolean | undefined };
}

/** An ordered plan: apply its steps in order. */
export interface Plan {
  /** What it was planned for: an apply plans again from it, to say what is left. */
  desired: DesiredState;
  accountId: string;
  steps: PlanStep[];
  prefixes: PlannedPrefix[];
}

/** The calls a plan reads with: the client's own. */
export type PlanCalls = Pick<
  ServiceBindingsClient,
  "listServices" | "listPrefixes" | "listServiceBindings" | "listBgpPrefixes"
>;

/** Each network once, whatever its spelling, as a map key. */
const keyOf = (network: Network) => `${network.bits}/${network.address}/${network.length}`;

/** A problem at the file's place for `at`, or at the file's top when there is none. */
function problem(desired: DesiredState, at: SourcePosition | undefined, message: string): SourceProblem {
  return { file: desired.file, line: at?.line ?? 1, column: at?.column ?? 1, message };
}

/** The account's prefix an entry names, by id or by CIDR. */
function findPrefix(prefixes: Prefix[], named: string): Prefix | undefined {
  return prefixes.find((p) => p.id === named || sameCidr(named, p.cidr));
}

/** A service by name (as List Services spells it, in any case) or by id. */
function findService(services: Service[], named: string): Service | undefined {
  return services.find((s) => s.id === named || s.name.toLowerCase() === named.toLowerCase());
}

/** The BGP prefix that spans a prefix, if it has one. */
function spanningBgp(prefix: Prefix, bgps: BgpPrefix[]): BgpPrefix | undefined {
  return bgps.find((b) => sameCidr(b.cidr, prefix.cidr));
}

/** A binding the file wants, with where it says so. */
interface Wanted {
  cidr: string;
  network: Network;
  service: Service;
  at: SourcePosition | undefined;
}

/** The desired bindings of one entry, checked against the documented rules; problems are pushed. */
function checkEntry(
  desired: DesiredState,
  entry: DesiredPrefix,
  prefix: Prefix,
  services: Service[],
  problems: SourceProblem[],
): Map<string, Wanted> {
  const prefixNetwork = parseCidr(prefix.cidr) as Network;
  const wanted = new Map<string, Wanted>();
  for (const binding of entry.bindings) {
    const report = (message: string) => problems.push(problem(desired, binding.at, message));
    const network = parseCidr(binding.cidr);
    const service = findService(services, binding.service);
    if (!network) {
      report(`${binding.cidr} is not a CIDR`);
      continue;
    }
    // The address as written, all of it: a network address has no host part.
    const [address] = binding.cidr.split("/");
    const written = parseCidr(`${address}/${network.bits}`);
    if (written && written.address !== network.address) {
      report(`${binding.cidr} is not a network address: its host part is not zero`);
    }
    if (!contains(prefixNetwork, network)) report(`${binding.cidr} lies outside prefix ${prefix.cidr}`);
    if (wanted.has(keyOf(network))) report(`${binding.cidr} is given twice for prefix ${prefix.cidr}`);
    if (!service) {
      report(
        `no service ${JSON.stringify(binding.service)}: the account lists ${services.map((s) => s.name).join(", ")}`,
      );
      continue;
    }
    if (service.name === "Magic Transit" && !sameNetwork(network, prefixNetwork)) {
      report(`Magic Transit can only be bound to the whole prefix (${prefix.cidr}), not to ${binding.cidr}`);
    }
    wanted.set(keyOf(network), { cidr: binding.cidr, network, service, at: binding.at });
  }
  if (wanted.size > 0 && !wanted.has(keyOf(prefixNetwork))) {
    problems.push(
      problem(
        desired,
        entry.at,
        `prefix ${prefix.cidr} needs a binding of its whole CIDR (${prefix.cidr}) while it has others: the first binding of a prefix spans it, and it cannot go while others remain`,
      ),
    );
  }
  return wanted;
}

/**
 * Reads the account (services, prefixes, and each named prefix's bindings and BGP prefixes), checks the
 * desired state against the documented rules, and returns the ordered steps that reach it. Throws
 * `PlanError` with every violation at once, before anything is sent.
 */
export async function planServiceBindings(
  client: PlanCalls,
  desired: DesiredState,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<Plan> {
  const account = { account_id: desired.accountId };
  const call = { signal: options.signal };
  const [services, prefixes] = await Promise.all([
    client.listServices(account, call),
    client.listPrefixes(account, call),
  ]);
  const problems: SourceProblem[] = [];
  const seen = new Set<string>();
  const planned: PlannedPrefix[] = [];
  const steps: { deletes: PlanStep[]; creates: PlanStep[]; withdraws: PlanStep[]; advertises: PlanStep[] } = {
    deletes: [],
    creates: [],
    withdraws: [],
    advertises: [],
  };
  for (const entry of desired.prefixes) {
    const prefix = findPrefix(prefixes, entry.prefix);
    if (!prefix) {
      problems.push(problem(desired, entry.at, `the account holds no prefix ${entry.prefix}`));
      continue;
    }
    if (seen.has(prefix.id)) {
      problems.push(problem(desired, entry.at, `prefix ${prefix.cidr} is listed twice`));
      continue;
    }
    seen.add(prefix.id);
    const wanted = checkEntry(desired, entry, prefix, services, problems);
    const ids = { ...account, prefix_id: prefix.id };
    const [bindings, bgps] = await Promise.all([
      client.listServiceBindings(ids, call),
      client.listBgpPrefixes(ids, call),
    ]);
    const ref = { id: prefix.id, cidr: prefix.cidr };
    const prefixNetwork = parseCidr(prefix.cidr) as Network;
    const bgp = spanningBgp(prefix, bgps);

    // Deletes: bindings the file does not keep (gone, or to another service), the most specific first.
    const current = new Map(bindings.map((b) => [keyOf(parseCidr(b.cidr) as Network), b]));
    const deletes = bindings
      .filter((b) => wanted.get(keyOf(parseCidr(b.cidr) as Network))?.service.id !== b.service_id)
      .sort((a, b) => (parseCidr(b.cidr) as Network).length - (parseCidr(a.cidr) as Network).length);
    for (const binding of deletes) {
      const network = parseCidr(binding.cidr) as Network;
      const replaced = wanted.get(keyOf(network));
      // The name as List Services gives it (a binding may leave out its service_name).
      const service = services.find((s) => s.id === binding.service_id) ?? {
        id: binding.service_id,
        name: binding.service_name ?? binding.service_id,
      };
      if (sameNetwork(network, prefixNetwork) && (wanted.size > 0 || service.name === "Magic Transit")) {
        // A file that keeps other bindings but not this one was told so already (checkEntry).
        if (!replaced && wanted.size > 0) continue;
        problems.push(
          problem(
            desired,
            entry.at,
            service.name === "Magic Transit"
              ? `the Magic Transit binding that spans prefix ${prefix.cidr} must stay: Magic Transit is the base service of the prefix`
              : `the binding that spans prefix ${prefix.cidr} cannot change service while the prefix has other bindings`,
          ),
        );
        continue;
      }
      steps.deletes.push({
        action: "delete",
        prefix: ref,
        cidr: binding.cidr,
        service,
        bindingId: binding.id,
        reason: replaced
          ? `the file binds ${binding.cidr} to ${replaced.service.name} instead`
          : `the file does not list ${binding.cidr}`,
      });
    }
    // Creates: what the file wants and the prefix lacks, the prefix-wide binding first.
    const creates = [...wanted.values()]
      .filter((w) => current.get(keyOf(w.network))?.service_id !== w.service.id)
      .sort((a, b) => a.network.length - b.network.length);
    for (const want of creates) {
      steps.creates.push({
        action: "create",
        prefix: ref,
        cidr: want.cidr,
        service: want.service,
        reason: current.has(keyOf(want.network))
          ? `the file binds ${want.cidr} to ${want.service.name}`
          : `the prefix has no binding of ${want.cidr}`,
        ...(want.at ? { at: want.at } : {}),
      });
    }
    // The advertisement, when the file says and it differs. Without a BGP prefix nothing is announced.
    const advertised = bgp ? bgp.on_demand.advertised : false;
    if (entry.advertised !== undefined && advertised !== entry.advertised) {
      const rule = !bgp
        ? wanted.size > 0
          ? undefined // the prefix-wide binding, created above, brings its BGP prefix
          : ADVERTISEMENT_RULES.bgp_prefix_spans_prefix
        : prefix.approved !== "V"
          ? ADVERTISEMENT_RULES.prefix_approved
          : !bgp.on_demand.on_demand_enabled
            ? ADVERTISEMENT_RULES.on_demand_enabled
            : bgp.on_demand.on_demand_locked
              ? ADVERTISEMENT_RULES.not_locked
              : undefined;
      if (rule) {
        problems.push(
          problem(
            desired,
            entry.at,
            `prefix ${prefix.cidr} cannot be ${entry.advertised ? "advertised" : "withdrawn"}: it needs ${rule.requires}; ${rule.fix}`,
          ),
        );
      } else {
        const step = {
          action: entry.advertised ? ("advertise" as const) : ("withdraw" as const),
          prefix: ref,
          reason: `the file wants it ${entry.advertised ? "advertised" : "withdrawn"}; it is ${advertised ? "advertised" : "withdrawn"}`,
          ...(entry.at ? { at: entry.at } : {}),
        };
        (entry.advertised ? steps.advertises : steps.withdraws).push(step);
      }
    }
    planned.push({
      ...ref,
      current: { bindings, advertised: bgp?.on_demand.advertised },
      desired: {
        bindings: [...wanted.values()].map(({ cidr, service }) => ({ cidr, service })),
        advertised: entry.advertised,
      },
    });
  }
  if (problems.length > 0) throw new PlanError(problems);
  // A withdrawal first (stop announcing before bindings change), then deletes, creates, and advertising last.
  return {
    desired,
    accountId: desired.accountId,
    steps: [...steps.withdraws, ...steps.deletes, ...steps.creates, ...steps.advertises],
    prefixes: planned,
  };
}
