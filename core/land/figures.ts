/** How complete a land area's floor-space figures are: the rule the land-bank pages mark areas by. */

export interface AreaFigures {
  totalM2: number | null;
  availableM2: number | null;
  plannedM2: number | null;
}

/** "all": the area states none of its figures; "some": available or planned floor space is missing; "none": nothing missing. */
export type FigureGap = "none" | "some" | "all";

export function figureGap(a: AreaFigures): FigureGap {
  if (a.availableM2 === null && a.plannedM2 === null && a.totalM2 === null) return "all";
  return a.availableM2 === null || a.plannedM2 === null ? "some" : "none";
}

/** True when the area states none of its floor-space figures. */
export function lacksFigures(a: AreaFigures): boolean {
  return figureGap(a) === "all";
}
