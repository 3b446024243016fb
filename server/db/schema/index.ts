export * from "./accounts.js";
export * from "./logs.js";
export * from "./plans.js";
