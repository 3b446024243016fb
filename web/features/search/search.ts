/** Search hits grouped by kind, and where each hit links to. */
import { hrefFor } from "../../router.js";
import type { SearchHit } from "../../types.js";

const KIND_ORDER: SearchHit["kind"][] = ["focus_area", "goal", "measure", "indicator"];

export function groupHits(hits: readonly SearchHit[]): { kind: SearchHit["kind"]; hits: SearchHit[] }[] {
  return KIND_ORDER.map((kind) => ({ kind, hits: hits.filter((h) => h.kind === kind) })).filter((g) => g.hits.length > 0);
}

export function hitHref(hit: SearchHit, planKey?: string): string {
  switch (hit.kind) {
    case "focus_area":
      return hrefFor({ name: "area", planKey, number: hit.focusAreaNumber ?? 0 });
    case "goal":
      return `${hrefFor({ name: "area", planKey, number: hit.focusAreaNumber ?? 0 })}#mal-${hit.key}`;
    case "measure":
      return hrefFor({ name: "measure", id: hit.id });
    case "indicator":
      return hrefFor({ name: "indicator", key: hit.key, planKey });
  }
}
