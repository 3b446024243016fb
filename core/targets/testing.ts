/** Builders for target tests (used by the evaluation and explanation tests). */
import type { DateRange } from "../periods.js";
import { type TargetSpec, type TargetSpecInput, targetSpecSchema } from "./spec.js";

export type PeriodSpec = Exclude<TargetSpec, { type: "milestone" }>;
export type MilestoneSpec = Extract<TargetSpec, { type: "milestone" }>;
type Input<T> = T extends unknown ? Omit<T, "key" | "text"> & { key?: string; text?: string } : never;

export const TEST_PLAN: DateRange = { start: "2015-01-01", end: "2018-12-31" };

/** A per-period target reading indicator "ind", with defaults filled in by the schema. */
export function target(input: Input<Exclude<TargetSpecInput, { type: "milestone" }>>): PeriodSpec {
  const spec = targetSpecSchema.parse({ key: "t", text: "Target", indicator: "ind", ...input });
  if (spec.type === "milestone") throw new Error("not a period target");
  return spec;
}

export function milestone(input: Omit<Input<Extract<TargetSpecInput, { type: "milestone" }>>, "type">): MilestoneSpec {
  const spec = targetSpecSchema.parse({ key: "m", text: "Milestone", ...input, type: "milestone" });
  if (spec.type !== "milestone") throw new Error("not a milestone");
  return spec;
}
