import { type TargetSpec, targetSpecProblems } from "../targets/spec.js";
import type { PlanDocument } from "./document.js";

export interface DocumentIssue {
  /** Path into the document, e.g. ["focusAreas", 2, "measures", 0, "targets", 1, "indicator"]. */
  path: (string | number)[];
  message: string;
}

type Path = (string | number)[];

/** The checks every part of the document uses, collecting into one list of issues. */
interface Checker {
  issues: DocumentIssue[];
  /** Records a key as used at `path`; a second use is an issue. */
  claim(key: string, path: Path): void;
  checkIndicatorRef(key: string | undefined, path: Path): void;
  checkTarget(spec: TargetSpec, path: Path): void;
}

/**
 * Checks what a schema cannot: keys unique across the plan, and every reference
 * (target → indicator, fact → indicator, measure → goal) resolving.
 */
export function checkPlanReferences(doc: PlanDocument): DocumentIssue[] {
  const issues: DocumentIssue[] = [];
  const check = checker(indicatorKeysOf(doc, issues), issues);
  doc.analyses.forEach((a, i) => {
    check.claim(a.key, ["analyses", i]);
    a.findings.forEach((f, j) => {
      check.claim(f.key, ["analyses", i, "findings", j]);
      f.indicators.forEach((k, n) => {
        check.checkIndicatorRef(k, ["analyses", i, "findings", j, "indicators", n]);
      });
    });
  });
  doc.focusAreas.forEach((area, a) => {
    checkFocusArea(area, ["focusAreas", a], check);
  });
  const numbers = new Set<number>();
  doc.focusAreas.forEach((area, a) => {
    if (numbers.has(area.number)) issues.push({ path: ["focusAreas", a, "number"], message: `duplicate focus area number ${area.number}` });
    numbers.add(area.number);
  });
  return issues;
}

/** The indicator keys, reporting duplicate keys and duplicate periods among an indicator's values. */
function indicatorKeysOf(doc: PlanDocument, issues: DocumentIssue[]): Set<string> {
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
  return indicatorKeys;
}

function checker(indicatorKeys: ReadonlySet<string>, issues: DocumentIssue[]): Checker {
  const itemKeys = new Map<string, string>();
  const claim = (key: string, path: Path) => {
    const seen = itemKeys.get(key);
    if (seen) issues.push({ path: [...path, "key"], message: `key "${key}" is already used at ${seen}` });
    else itemKeys.set(key, path.join("."));
  };
  const checkIndicatorRef = (key: string | undefined, path: Path) => {
    if (key !== undefined && !indicatorKeys.has(key)) issues.push({ path, message: `unknown indicator "${key}"` });
  };
  const checkTarget = (spec: TargetSpec, path: Path) => {
    claim(spec.key, path);
    checkIndicatorRef(spec.indicator, [...path, "indicator"]);
    for (const p of targetSpecProblems(spec)) issues.push({ path: [...path, ...p.path.split(".")], message: p.message });
  };
  return { issues, claim, checkIndicatorRef, checkTarget };
}

function checkFocusArea(
  area: PlanDocument["focusAreas"][number],
  base: Path,
  { issues, claim, checkIndicatorRef, checkTarget }: Checker,
): void {
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
}
