/** Rules of a measure's status update that the form checks before sending and the server enforces. */
import type { MeasureStatus } from "./document.js";

/** A completed measure is at 100 %: true when a status update breaks that rule. */
export function completedWithoutFullProgress(status: MeasureStatus | "", progress: number): boolean {
  return status === "completed" && progress !== 100;
}
