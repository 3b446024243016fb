/** Finding a plan by id or key and who may read it (used by plans, indicators, measures, targets, land). */
export { getPlanRow, getVisiblePlanRow, type PlanRow, PUBLIC_PLAN_STATUSES } from "./plan-lookup.service.js";
