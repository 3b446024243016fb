import type { StopPeriod } from "./types.js";

export interface DateFacts {
  receivedDate: string;
  completeDate: string | null;
  decisionDate: string | null;
  stops: readonly StopPeriod[];
}

export interface DateProblem {
  /** Field name: receivedDate, completeDate, decisionDate, stops.N.toDate … */
  field: string;
  message: string;
}

/**
 * Checks the dates of an application against each other and against today: received ≤ complete ≤
 * decision, nothing in the future, every stop ending on or after its start.
 */
export function checkApplicationDates(app: DateFacts, today: string): DateProblem[] {
  const problems: DateProblem[] = [];
  const future = (field: string, value: string | null) => {
    if (value !== null && value > today) problems.push({ field, message: `${value} is in the future` });
  };
  future("receivedDate", app.receivedDate);
  future("completeDate", app.completeDate);
  future("decisionDate", app.decisionDate);
  if (app.completeDate !== null && app.completeDate < app.receivedDate)
    problems.push({ field: "completeDate", message: "before the received date" });
  if (app.decisionDate !== null && app.decisionDate < (app.completeDate ?? app.receivedDate))
    problems.push({ field: "decisionDate", message: app.completeDate ? "before the complete date" : "before the received date" });
  app.stops.forEach((s, i) => {
    if (s.toDate !== null && s.toDate < s.fromDate) problems.push({ field: `stops.${i}.toDate`, message: "before the stop's start" });
  });
  return problems;
}
