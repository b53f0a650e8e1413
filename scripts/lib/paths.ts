import { fileURLToPath } from "node:url";

/** The repository root, whatever the working directory a script is started from. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The hand-authored spec: the single source of truth. */
export const SPEC_PATH = `${ROOT}spec/openapi.yaml`;

/** The types generated from the spec. */
export const GENERATED_PATH = `${ROOT}generated/openapi.ts`;

/** The committed extract of Cloudflare's published description of the operations the spec describes. */
export const UPSTREAM_PATH = `${ROOT}spec/upstream/cloudflare.json`;

/** The registry of the spec's recorded differences from the upstream extract. */
export const DEVIATIONS_PATH = `${ROOT}spec/deviations.yaml`;
