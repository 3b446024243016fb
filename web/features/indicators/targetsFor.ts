/** Targets in a plan (core/plan/targets-in-plan.ts, shared with the server). */
export { allTargets, needingAttention, type TargetInPlan, targetsReading } from "../../../core/plan/targets-in-plan.js";
