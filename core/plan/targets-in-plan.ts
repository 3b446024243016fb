/**
 * Every target in a plan with where it sits (area, goal or measure): those reading an indicator,
 * and those needing attention (off track or at risk, worst first). No zod: the browser imports this.
 */
import type { PlanTree, EvaluatedTarget as Target } from "../api/plans.js";
import { byAttention } from "../targets/attention.js";

export interface TargetInPlan {
  target: Target;
  areaNumber: number;
  areaTitle: string;
  measureId?: string;
  measureText?: string;
  goalKey?: string;
}

/** Every target in the plan, in plan order, with its place. */
export function allTargets(plan: PlanTree): TargetInPlan[] {
  const out: TargetInPlan[] = [];
  for (const a of plan.focusAreas) {
    const base = { areaNumber: a.number, areaTitle: a.title };
    for (const t of a.targets) out.push({ target: t, ...base });
    for (const g of a.goals) for (const t of g.targets) out.push({ target: t, ...base, goalKey: g.key });
    for (const m of a.measures) for (const t of m.targets) out.push({ target: t, ...base, measureId: m.id, measureText: m.text });
  }
  return out;
}

export function targetsReading(plan: PlanTree, indicatorKey: string): TargetInPlan[] {
  return allTargets(plan).filter((x) => x.target.indicator === indicatorKey);
}

/** Targets off track or at risk, worst first (plan order within a status), at most `limit`. */
export function needingAttention(plan: PlanTree, limit = 5): { items: TargetInPlan[]; total: number } {
  const all = byAttention(allTargets(plan), (x) => x.target.status);
  return { items: all.slice(0, limit), total: all.length };
}
