/** Client-side checks for a status update, mirroring the server's rules (the server decides). */
import { completedWithoutFullProgress } from "../../../core/plan/measure-update.js";
import type { MeasureStatus } from "../../types.js";

export interface UpdateDraft {
  status: MeasureStatus | "";
  progress: string;
  comment: string;
}

export type UpdateErrors = Partial<Record<"status" | "progress" | "comment", string>>;

/** Error message keys per field; empty when the draft can be sent. */
export function validateUpdate(d: UpdateDraft): UpdateErrors {
  const e: UpdateErrors = {};
  if (!d.status) e.status = "measureForm.errors.statusRequired";
  const p = d.progress.trim();
  if (p === "") e.progress = "measureForm.errors.progressRequired";
  else if (!/^\d{1,3}$/.test(p) || Number(p) > 100) e.progress = "measureForm.errors.progressRange";
  else if (completedWithoutFullProgress(d.status, Number(p))) e.progress = "measureForm.errors.completedNeeds100";
  if (d.comment.length > 4000) e.comment = "measureForm.errors.commentTooLong";
  return e;
}
