export * from "./accounts.js";
export * from "./plans.js";
