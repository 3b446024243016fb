/** The latest value rule lives in core/plan/latest-value.ts. */
export { latestValue, type ValueLike } from "../../../core/plan/latest-value.js";
