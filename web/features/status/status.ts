/**
 * Status vocabulary shared by every page: which Designsystemet colour and which icon a target
 * or measure status gets (always shown with its text, never colour alone), and (from core/plan/counts.ts)
 * summaries of the counts the API returns.
 */
import type { MeasureStatus, TargetStatus } from "../../../core/vocabulary.js";

export type StatusColor = "success" | "info" | "warning" | "danger" | "neutral";
export type StatusIcon = "check" | "arrow" | "alert" | "cross" | "clock" | "dash" | "circle" | "stop";

export const TARGET_STATUS_STYLE: Record<TargetStatus, { color: StatusColor; icon: StatusIcon }> = {
  achieved: { color: "success", icon: "check" },
  on_track: { color: "info", icon: "arrow" },
  at_risk: { color: "warning", icon: "alert" },
  off_track: { color: "danger", icon: "cross" },
  not_due: { color: "neutral", icon: "clock" },
  no_data: { color: "neutral", icon: "dash" },
};

export const MEASURE_STATUS_STYLE: Record<MeasureStatus, { color: StatusColor; icon: StatusIcon }> = {
  completed: { color: "success", icon: "check" },
  in_progress: { color: "info", icon: "arrow" },
  planned: { color: "neutral", icon: "circle" },
  delayed: { color: "warning", icon: "alert" },
  cancelled: { color: "neutral", icon: "stop" },
};

export type { StatusSlice, StatusSummary } from "../../../core/plan/counts.js";
export { addCounts, roundedShares, summarize, summarizeMeasures, summarizeTargets } from "../../../core/plan/counts.js";
