/**
 * A CSV import that fails answers 400 with every problem in `details`: building cases as
 * `{ path: "line 14: Vedtak", line: 14 }`, the other logs as `{ path: "Dato", line: 14 }`.
 * Both become one list of row errors, in line order, for the error summary.
 */
import type { ErrorDetail } from "../../api.js";

export interface RowError {
  /** The file's line (the header is line 1); null for a problem with the whole file. */
  line: number | null;
  /** The column the problem is in, when the server names one. */
  column: string | null;
  message: string;
}

const LINE_PREFIX = /^line\s+(\d+)\s*:?\s*/i;

export function rowErrors(details: readonly ErrorDetail[]): RowError[] {
  const out = details.map((d, i) => {
    const m = d.path.match(LINE_PREFIX);
    const line = typeof d.line === "number" ? d.line : m ? Number(m[1]) : null;
    let column: string | null = m ? d.path.slice(m[0].length) : d.path;
    if (!column || /^(body|querystring|params)(\.|$)/.test(column)) column = null;
    return { line, column, message: d.message, i };
  });
  // Stable: by line, lines before whole-file problems, then in the server's order.
  out.sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER) || a.i - b.i);
  return out.map(({ line, column, message }) => ({ line, column, message }));
}

/** How many distinct lines have problems. */
export function linesWithErrors(errors: readonly RowError[]): number {
  return new Set(errors.filter((e) => e.line !== null).map((e) => e.line)).size;
}
