import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { and, eq, inArray, sql } from "drizzle-orm";
import { parse } from "yaml";
import { z } from "zod";
import { landAreaKey } from "../../../core/api/land.js";
import type { Db } from "../../db/client.js";
import { auditLog, landAreas } from "../../db/schema/index.js";
import { SYSTEM_ACTOR } from "../audit/index.js";
import { createLandArea } from "./land-areas.service.js";

export const BUNDLED_LAND_AREAS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../data/land-areas");
export const BUNDLED_LAND_AREA_FILES = ["baerum.yaml"];

/** The bundled file: names and provenance only. Figures and outlines come from the planning office. */
const bundleSchema = z
  .object({
    format: z.literal("naeringskompass-land-areas/1"),
    municipality: z.object({ code: z.string().regex(/^\d{4}$/), name: z.string() }),
    source: z.string().min(1),
    areas: z.array(
      z
        .object({
          key: landAreaKey,
          name: z.string().min(1).max(200),
          centre: z.string().min(1).nullable().default(null),
          provenance: z.array(z.string().min(1)).min(1),
        })
        .strict(),
    ),
  })
  .strict();
export type LandAreaBundle = z.infer<typeof bundleSchema>;

export function readLandAreaBundle(file: string): LandAreaBundle {
  const full = path.join(BUNDLED_LAND_AREAS_DIR, file);
  const parsed = bundleSchema.safeParse(parse(fs.readFileSync(full, "utf8")));
  if (!parsed.success)
    throw new Error(
      `Bundled land areas ${file} are invalid:\n${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n")}`,
    );
  return parsed.data;
}

export interface BundledLandAreasResult {
  file: string;
  /** Keys added now. */
  inserted: string[];
  /** Keys left alone: already present (perhaps edited) or deleted by someone earlier. */
  skipped: string[];
}

/**
 * Adds the bundled land areas that are not in the database yet, without any figures or
 * geometry. Idempotent: an area already present (by key) is never touched, so edits survive,
 * and an area someone deleted (an audit entry says so) is not brought back.
 */
export async function loadBundledLandAreas(db: Db, files = BUNDLED_LAND_AREA_FILES): Promise<BundledLandAreasResult[]> {
  const results: BundledLandAreasResult[] = [];
  for (const file of files) {
    const bundle = readLandAreaBundle(file);
    const keys = bundle.areas.map((a) => a.key);
    const result = await db.transaction(async (tx) => {
      const present = await tx.select({ key: landAreas.key }).from(landAreas).where(inArray(landAreas.key, keys));
      const deleted = await tx
        .select({ key: sql<string>`${auditLog.before}->>'key'` })
        .from(auditLog)
        .where(and(eq(auditLog.action, "land_area.delete"), inArray(sql<string>`${auditLog.before}->>'key'`, keys)));
      const skip = new Set([...present.map((p) => p.key), ...deleted.map((d) => d.key)]);
      const inserted: string[] = [];
      for (const a of bundle.areas) {
        if (skip.has(a.key)) continue;
        await createLandArea(tx, SYSTEM_ACTOR, {
          key: a.key,
          name: a.name,
          centre: a.centre,
          source: bundle.source,
          note: a.provenance.map((q) => `«${q}»`).join("\n"),
        });
        inserted.push(a.key);
      }
      return { file, inserted, skipped: keys.filter((k) => skip.has(k)) };
    });
    results.push(result);
  }
  return results;
}
