/**
 * How an import that found problems answers: every problem with its line (and column), sorted by
 * line, at most `max` of them, and a message saying nothing was imported.
 */
export interface RowProblem {
  line: number;
  column?: string;
  message: string;
}

export interface ProblemReport {
  message: string;
  details: { path: string; line: number; message: string }[];
}

export const MAX_REPORTED_PROBLEMS = 200;

export function importProblems(problems: readonly RowProblem[], max = MAX_REPORTED_PROBLEMS): ProblemReport {
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  const lines = new Set(sorted.map((p) => p.line)).size;
  const more = sorted.length > max ? ` (the first ${max} are listed)` : "";
  return {
    message: `${sorted.length} problem${sorted.length === 1 ? "" : "s"} on ${lines} line${lines === 1 ? "" : "s"}${more}; nothing was imported`,
    details: sorted.slice(0, max).map((p) => ({ path: p.column ?? "row", line: p.line, message: p.message })),
  };
}
