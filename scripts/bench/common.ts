// Shared pieces of the bench modules: the row type, statistics, sizes, paths.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../lib/paths.ts";

/** One measured budget (or an informational figure when `met` is undefined). */
export interface Row {
  what: string;
  measured: string;
  budget: string;
  met: boolean | undefined;
  note?: string;
}

/** The repository root, ending in a slash. */
export { ROOT };

/** Where downloads for the benches live (git-ignored). */
export const CACHE_DIR = join(ROOT, ".cache", "bench");

/** The official SDK version compared against. */
export const SDK_VERSION = "7.3.0";

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

/** Apparent size in bytes of a file or a directory tree (symlinks not followed). */
export function treeBytes(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.size;
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) total += treeBytes(child);
    else if (entry.isFile()) total += statSync(child).size;
  }
  return total;
}

/** Number of files in a directory tree. */
export function treeFiles(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return 1;
  let count = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.isDirectory()) count += treeFiles(join(path, entry.name));
    else if (entry.isFile()) count += 1;
  }
  return count;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, "utf8"));
}
