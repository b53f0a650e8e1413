// Where the contract suite points: the embedded Prism mock (default) or an
// external server named by CONTRACT_BASE_URL.

/** What the global setup hands every contract test. */
export interface ContractTarget {
  mode: "mock" | "external";
  baseUrl: string;
  /** Credentials for the target: a fixed token for the mock, the user's for an external server. */
  apiToken: string;
  accountId: string;
  prefixId: string;
  /** External mode only: create, get and delete a binding (CONTRACT_ALLOW_WRITES=1). */
  allowWrites: boolean;
  /** Mock mode only: where the harness appends what it exercised, for the coverage gate. */
  exercisedLog: string | undefined;
}

declare module "vitest" {
  export interface ProvidedContext {
    contract: ContractTarget;
  }
}

/** The external target described by the environment, or undefined for the embedded mock. */
export function externalTarget(env: NodeJS.ProcessEnv): ContractTarget | undefined {
  const baseUrl = env.CONTRACT_BASE_URL;
  if (!baseUrl) return undefined;
  const missing = ["CLOUDFLARE_API_TOKEN", "CLOUDFLARE_ACCOUNT_ID", "CLOUDFLARE_PREFIX_ID"].filter(
    (name) => !env[name],
  );
  if (missing.length > 0) {
    throw new Error(`CONTRACT_BASE_URL is set, so the suite needs ${missing.join(", ")} too.`);
  }
  return {
    mode: "external",
    baseUrl,
    apiToken: env.CLOUDFLARE_API_TOKEN ?? "",
    accountId: env.CLOUDFLARE_ACCOUNT_ID ?? "",
    prefixId: env.CLOUDFLARE_PREFIX_ID ?? "",
    allowWrites: env.CONTRACT_ALLOW_WRITES === "1",
    exercisedLog: undefined,
  };
}

/** Whether this run targets an external server, for choosing which files run. */
export function isExternalRun(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.CONTRACT_BASE_URL);
}

/**
 * The operations a contract run exercises and its coverage gate judges: CONTRACT_OPERATIONS, a comma-separated
 * list of operationIds, narrows them (for working on one operation); undefined means every one.
 */
export function selectedOperations(env: NodeJS.ProcessEnv): string[] | undefined {
  const list = env.CONTRACT_OPERATIONS?.split(",")
    .map((id) => id.trim())
    .filter(Boolean);
  return list && list.length > 0 ? list : undefined;
}
