import { importProblems, type RowProblem } from "../../core/logs/import-errors.js";
import { AppError } from "../errors.js";
import { type CsvColumn, CsvError, type CsvTable, readCsvTable } from "./csv.js";

/** Reads an uploaded CSV into typed rows; a file that cannot be read at all is a 400 naming its line. */
export function readCsvOrReject<K extends string>(bytes: Uint8Array, columns: readonly CsvColumn<K>[]): CsvTable<K> {
  try {
    return readCsvTable(bytes, columns);
  } catch (e) {
    if (e instanceof CsvError) throw new AppError("validation_failed", e.message, [{ path: "file", line: e.line, message: e.message }]);
    throw e;
  }
}

/** All or nothing: any problem in any row rejects the whole file, every problem with its line. */
export function rejectIfProblems(problems: readonly RowProblem[]): void {
  if (problems.length === 0) return;
  const report = importProblems(problems);
  throw new AppError("validation_failed", report.message, report.details);
}
