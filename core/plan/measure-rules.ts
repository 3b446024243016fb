/** Rules of a measure's status update, checked by the server and mirrored in the web form. No zod. */
import type { MeasureStatus } from "../vocabulary.js";

/** A completed measure is at 100 %; other statuses take any progress 0–100. */
export function progressFitsStatus(status: MeasureStatus, progress: number): boolean {
  return status !== "completed" || progress === 100;
}

/** The progress a status change suggests: 100 % when completed, otherwise the progress so far. */
export function progressForStatus(status: MeasureStatus, progress: string): string {
  return status === "completed" ? "100" : progress;
}
