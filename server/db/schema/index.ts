export * from "./accounts.js";
export * from "./engagements.js";
export * from "./logs.js";
export * from "./plans.js";
export * from "./register.js";
