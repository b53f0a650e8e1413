// Release notes from the spec: the changes since a ref, as Markdown for a CHANGELOG entry.
import type { SpecChange } from "./breaking-policy.ts";

const SECTIONS = [
  { title: "Breaking changes", pick: (c: SpecChange) => c.impact === "major" },
  { title: "Added", pick: (c: SpecChange) => c.impact !== "major" && c.kind === "added" },
  { title: "Removed", pick: (c: SpecChange) => c.impact !== "major" && c.kind === "removed" },
  { title: "Changed", pick: (c: SpecChange) => c.impact !== "major" && c.kind === "modified" },
];

/** The changes as Markdown: operations added or removed first, then one section per kind, grouped by operation. */
export function changelog(changes: SpecChange[], baseRef: string): string {
  const lines = [`## API changes since ${baseRef}`, ""];
  if (changes.length === 0) return [...lines, "No changes to the API description.", ""].join("\n");
  const operations = changes.filter((c) => c.typeName === "Operation" || c.typeName === "PathItem");
  if (operations.length > 0) {
    lines.push("### Operations", "");
    for (const c of operations)
      lines.push(
        `- ${c.kind === "added" ? "Added" : c.kind === "removed" ? "Removed" : "Changed"} \`${c.operation}\``,
      );
    lines.push("");
  }
  for (const section of SECTIONS) {
    const picked = changes.filter((c) => section.pick(c) && !operations.includes(c));
    if (picked.length === 0) continue;
    lines.push(`### ${section.title}`, "");
    const byOperation = new Map<string, SpecChange[]>();
    for (const c of picked) byOperation.set(c.operation, [...(byOperation.get(c.operation) ?? []), c]);
    for (const [operation, list] of byOperation) {
      lines.push(`- \`${operation}\``);
      for (const c of list) lines.push(`  - ${c.message}`);
    }
    lines.push("");
  }
  return lines.join("\n");
}
