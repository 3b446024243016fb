import type { Fact } from "../../types.js";

/** Facts in runs of the same group, each run under its group heading. */
export function groupFacts(facts: readonly Fact[]): { group: string | undefined; facts: Fact[] }[] {
  const out: { group: string | undefined; facts: Fact[] }[] = [];
  for (const f of facts) {
    const last = out[out.length - 1];
    if (last && last.group === f.group) last.facts.push(f);
    else out.push({ group: f.group, facts: [f] });
  }
  return out;
}
