/** The write rule lives in core/rights.ts, shared with the server. */
export { canWrite } from "../../../core/rights.js";
