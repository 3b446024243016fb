// The public face of the plans module: what other modules and server/*.ts may import.
export { loadBundledPlans } from "./bundled-plans.js";
export { measuresCompletedIndicator } from "./plan-derived.js";
export { exportPlanDocument } from "./plan-export.service.js";
export { importPlanDocument } from "./plan-import.service.js";
export { getFocusAreaRow } from "./plan-items.service.js";
export { revisePlan, revisePlanSchema } from "./plan-revision.service.js";
export { evaluateTargetRow, getPlanTree, loadEvaluationData } from "./plan-tree.service.js";
export { planExtraRoutes, planRoutes } from "./plans.routes.js";
export type { PlanRow } from "./plans.service.js";
export { findPlans, getPlanRow, getVisiblePlanRow, PUBLIC_PLAN_STATUSES } from "./plans.service.js";
