/** Each described log's table (core/logs/descriptors/index.ts lists the descriptors). */
import type { PgTable } from "drizzle-orm/pg-core";
import { liaPlacements, schoolBusinessEntries } from "../../db/schema/index.js";

export const LOG_TABLES: Readonly<Record<string, PgTable>> = {
  placements: liaPlacements,
  "school-business": schoolBusinessEntries,
};
