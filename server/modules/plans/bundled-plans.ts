import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { formatIssue, parsePlanDocument } from "../../../core/plan/parse.js";
import type { Db } from "../../db/client.js";
import { plans } from "../../db/schema/index.js";
import { SYSTEM_ACTOR } from "../audit/index.js";
import { importPlanDocument, type PlanImportResult } from "./plan-import.service.js";

export const BUNDLED_PLANS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../data/plans");
export const BUNDLED_PLAN_FILES = ["baerum-2015.yaml"];

/**
 * Loads the bundled plans that are not in the database yet. A plan already present (by key) is
 * left exactly as it is, so later edits are never overwritten.
 */
export async function loadBundledPlans(db: Db, files = BUNDLED_PLAN_FILES): Promise<PlanImportResult[]> {
  const loaded: PlanImportResult[] = [];
  for (const file of files) {
    const full = path.join(BUNDLED_PLANS_DIR, file);
    const parsed = parsePlanDocument(fs.readFileSync(full, "utf8"));
    if (!parsed.ok) throw new Error(`Bundled plan ${file} is invalid:\n${parsed.issues.map(formatIssue).join("\n")}`);
    const [existing] = await db.select({ id: plans.id }).from(plans).where(eq(plans.key, parsed.plan.key)).limit(1);
    if (existing) continue;
    loaded.push(await importPlanDocument(db, SYSTEM_ACTOR, parsed.plan));
  }
  return loaded;
}
