import { z } from "zod";

/** What a CSV import of any log answers (and its import batch row stores). */
export const importSummarySchema = z.object({
  batchId: z.string(),
  encoding: z.string().describe("Detected encoding: utf-8 or windows-1252"),
  rowsRead: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
});

export const importQuerySchema = z.object({
  fileName: z.string().max(300).optional().describe("Name of the uploaded file, kept with the batch"),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;
