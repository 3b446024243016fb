import type { RegisterRow } from "./types.js";

/**
 * The figures of one snapshot per municipality and dimension, accumulated row by row while a file
 * is read (so a national import needs no extra scan). The keys are exactly those of the SQL in
 * server/modules/register/aggregates.ts, which computes the same from stored rows (for feed
 * snapshots and recomputations); a test holds the two equal on a real extract.
 */
export interface AggregateRow {
  areaCode: string;
  dimension: "total" | "division" | "size" | "form" | "kis" | "registered" | "bankrupt";
  key: string;
  entities: number;
  employees5plus: number;
  units1to4: number;
  unitsUnknown: number;
}

export class AggregateAccumulator {
  private readonly cells = new Map<string, AggregateRow>();

  private bump(areaCode: string, dimension: AggregateRow["dimension"], key: string, row: RegisterRow): void {
    const id = `${areaCode}\u0000${dimension}\u0000${key}`;
    let c = this.cells.get(id);
    if (!c) {
      c = { areaCode, dimension, key, entities: 0, employees5plus: 0, units1to4: 0, unitsUnknown: 0 };
      this.cells.set(id, c);
    }
    c.entities++;
    if (row.employees !== null && row.employees >= 5) c.employees5plus += row.employees;
    if (row.sizeClass === "1-4") c.units1to4++;
    else if (row.sizeClass === null) c.unitsUnknown++;
  }

  add(row: RegisterRow): void {
    const area = row.areaCode ?? "";
    const form = row.orgForm ?? "unknown";
    // No code at all ('none'), Brreg's 00.000 ('unspecified'), or a code the standard lacks ('unknown').
    const division = row.naceDivision ?? (row.naceCode === null ? "none" : row.naceCode.startsWith("00") ? "unspecified" : "unknown");
    this.bump(area, "total", "", row);
    this.bump(area, "division", `${row.naceVersion ?? "?"}:${division}`, row);
    this.bump(area, "size", row.sizeClass ?? "unknown", row);
    this.bump(area, "form", form, row);
    this.bump(area, "kis", row.kisGroup ?? "unknown", row);
    this.bump(area, "registered", `${row.registeredOn ? Number(row.registeredOn.slice(0, 4)) : "none"}|${form}`, row);
    this.bump(area, "bankrupt", row.bankrupt ? "true" : "false", row);
  }

  rows(): AggregateRow[] {
    return [...this.cells.values()];
  }
}
