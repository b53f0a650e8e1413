// bench/results.md has two writers: npm run bench writes every section but the mutation score, which
// npm run mutation writes (it takes far longer); each keeps the other's part as it was.

export const MUTATION_START = "<!-- mutation score: written by npm run mutation -->";
export const MUTATION_END = "<!-- end of mutation score -->";

/** The results file's text split at the mutation score: what comes before it, and the section itself. */
export function splitAtMutationScore(text: string): { before: string; section: string | undefined } {
  const start = text.indexOf(MUTATION_START);
  const end = text.indexOf(MUTATION_END, start);
  if (start === -1 || end === -1) return { before: text.trimEnd(), section: undefined };
  return { before: text.slice(0, start).trimEnd(), section: text.slice(start, end + MUTATION_END.length) };
}
