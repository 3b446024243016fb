import { type TargetSpec, targetSpecProblems } from "../targets/spec.js";
import type { PlanDocument } from "./document.js";

export interface DocumentIssue {
  /** Path into the document, e.g. ["focusAreas", 2, "measures", 0, "targets", 1, "indicator"]. */
  path: (string | number)[];
  message: string;
}

/**
 * Checks what a schema cannot: keys unique across the plan, and every reference
 * (target → indicator, fact → indicator, measure → goal) resolving.
 */
export function checkPlanReferences(doc: PlanDocument): DocumentIssue[] {
  const issues: DocumentIssue[] = [];
  const indicatorKeys = new Set<string>();
  doc.indicators.forEach((ind, i) => {
    if (indicatorKeys.has(ind.key)) issues.push({ path: ["indicators", i, "key"], message: `duplicate indicator key "${ind.key}"` });
    indicatorKeys.add(ind.key);
    const periods = new Set<string>();
    ind.values.forEach((v, j) => {
      if (periods.has(v.period))
        issues.push({ path: ["indicators", i, "values", j, "period"], message: `duplicate value for period "${v.period}"` });
      periods.add(v.period);
    });
  });

  const itemKeys = new Map<string, string>();
  const claim = (key: string, path: (string | number)[]) => {
    const seen = itemKeys.get(key);
    if (seen) issues.push({ path: [...path, "key"], message: `key "${key}" is already used at ${seen}` });
    else itemKeys.set(key, path.join("."));
  };
  const checkIndicatorRef = (key: string | undefined, path: (string | number)[]) => {
    if (key !== undefined && !indicatorKeys.has(key)) issues.push({ path, message: `unknown indicator "${key}"` });
  };
  const checkTarget = (spec: TargetSpec, path: (string | number)[]) => {
    claim(spec.key, path);
    checkIndicatorRef(spec.indicator, [...path, "indicator"]);
    for (const p of targetSpecProblems(spec)) issues.push({ path: [...path, ...p.path.split(".")], message: p.message });
  };

  doc.analyses.forEach((a, i) => {
    claim(a.key, ["analyses", i]);
    a.findings.forEach((f, j) => {
      claim(f.key, ["analyses", i, "findings", j]);
      f.indicators.forEach((k, n) => {
        checkIndicatorRef(k, ["analyses", i, "findings", j, "indicators", n]);
      });
    });
  });
  doc.focusAreas.forEach((area, a) => {
    const base = ["focusAreas", a];
    claim(area.key, base);
    area.facts.forEach((f, j) => {
      claim(f.key, [...base, "facts", j]);
      f.indicators.forEach((k, n) => {
        checkIndicatorRef(k, [...base, "facts", j, "indicators", n]);
      });
    });
    area.targets.forEach((t, j) => {
      checkTarget(t, [...base, "targets", j]);
    });
    const goalKeys = new Set(area.goals.map((g) => g.key));
    area.goals.forEach((g, j) => {
      claim(g.key, [...base, "goals", j]);
      g.targets.forEach((t, k) => {
        checkTarget(t, [...base, "goals", j, "targets", k]);
        if (t.type === "milestone" && !t.indicator)
          issues.push({ path: [...base, "goals", j, "targets", k, "indicator"], message: "a goal's milestone needs an indicator" });
      });
    });
    area.measures.forEach((m, j) => {
      claim(m.key, [...base, "measures", j]);
      m.goals.forEach((gk, n) => {
        if (!goalKeys.has(gk)) issues.push({ path: [...base, "measures", j, "goals", n], message: `unknown goal "${gk}" in this area` });
      });
      m.targets.forEach((t, k) => {
        checkTarget(t, [...base, "measures", j, "targets", k]);
      });
    });
    area.targets.forEach((t, j) => {
      if (t.type === "milestone" && !t.indicator)
        issues.push({ path: [...base, "targets", j, "indicator"], message: "an area's milestone needs an indicator" });
    });
  });
  const numbers = new Set<number>();
  doc.focusAreas.forEach((area, a) => {
    if (numbers.has(area.number)) issues.push({ path: ["focusAreas", a, "number"], message: `duplicate focus area number ${area.number}` });
    numbers.add(area.number);
  });
  return issues;
}
