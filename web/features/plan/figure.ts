/**
 * The plan's importance × influence figure: maps each focus area's placement (0..1 on both
 * axes) to SVG coordinates and places its label where it overlaps nothing else.
 */

export interface FigureLayout {
  width: number;
  height: number;
  /** Plot area inside the axes. */
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export const FIGURE_LAYOUT: FigureLayout = { width: 640, height: 440, left: 56, top: 16, right: 624, bottom: 384 };

/** Below this width (CSS px) the figure shows numbers only; the cards below name the areas. */
export const LABEL_MIN_WIDTH = 520;

/**
 * The figure's geometry for a container `width` CSS pixels wide, drawn 1:1 so its text keeps
 * a readable size on a phone instead of being scaled down with a fixed viewBox.
 */
export function figureLayoutFor(width: number): FigureLayout {
  const w = Math.round(Math.max(280, Math.min(760, width)));
  if (w < LABEL_MIN_WIDTH) {
    const h = Math.round(w * 0.95);
    return { width: w, height: h, left: 44, top: 16, right: w - 12, bottom: h - 56 };
  }
  const h = Math.round(Math.min(480, w * 0.66));
  return { width: w, height: h, left: 56, top: 16, right: w - 16, bottom: h - 56 };
}

export interface FigurePointInput {
  number: number;
  label: string;
  /** 0 (low) .. 1 (high): the municipality's possibility to influence; the x axis. */
  influence: number;
  /** 0 (low) .. 1 (high): importance; the y axis (up is more important). */
  importance: number;
  approximate: boolean;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type LabelSide = "right" | "left" | "below" | "above";

export interface PlacedPoint extends FigurePointInput {
  cx: number;
  cy: number;
  lines: string[];
  side: LabelSide;
  /** Anchor of the label's first line and its text-anchor. */
  labelX: number;
  labelY: number;
  anchor: "start" | "end" | "middle";
  box: Box;
}

export const POINT_RADIUS = 15;
const FONT = 13;
const LINE = 16;
const CHAR_WIDTH = 7.2;
const GAP = 6;

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/** Data (0..1) to SVG coordinates; y grows downwards in SVG, so importance is flipped. */
export function toSvg(influence: number, importance: number, layout: FigureLayout = FIGURE_LAYOUT): { x: number; y: number } {
  return {
    x: layout.left + clamp01(influence) * (layout.right - layout.left),
    y: layout.bottom - clamp01(importance) * (layout.bottom - layout.top),
  };
}

/** Splits a label into at most `maxLines` lines of about `maxChars` characters, at spaces. */
export function wrapLabel(text: string, maxChars = 20, maxLines = 2): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = "";
  for (const w of words) {
    if (current && `${current} ${w}`.length > maxChars && lines.length < maxLines - 1) {
      lines.push(current);
      current = w;
    } else {
      current = current ? `${current} ${w}` : w;
    }
  }
  if (current) lines.push(current);
  return lines;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function labelBox(
  side: LabelSide,
  cx: number,
  cy: number,
  lines: string[],
): { box: Box; labelX: number; labelY: number; anchor: PlacedPoint["anchor"] } {
  const w = Math.max(...lines.map((l) => l.length)) * CHAR_WIDTH;
  const h = lines.length * LINE;
  const r = POINT_RADIUS + GAP;
  switch (side) {
    case "right":
      return { box: { x: cx + r, y: cy - h / 2, w, h }, labelX: cx + r, labelY: cy - h / 2 + FONT, anchor: "start" };
    case "left":
      return { box: { x: cx - r - w, y: cy - h / 2, w, h }, labelX: cx - r, labelY: cy - h / 2 + FONT, anchor: "end" };
    case "below":
      return { box: { x: cx - w / 2, y: cy + r, w, h }, labelX: cx, labelY: cy + r + FONT, anchor: "middle" };
    case "above":
      return { box: { x: cx - w / 2, y: cy - r - h, w, h }, labelX: cx, labelY: cy - r - h + FONT, anchor: "middle" };
  }
}

function inside(b: Box, layout: FigureLayout): boolean {
  return b.x >= layout.left + 2 && b.x + b.w <= layout.width - 4 && b.y >= 0 && b.y + b.h <= layout.bottom;
}

/**
 * Places every point and its label. Labels try right, left, below, above, in that order, and
 * take the first side that stays inside the figure and overlaps no point or earlier label; if
 * none is free, the side with the least overlap wins.
 */
export function layoutFigure(points: readonly FigurePointInput[], layout: FigureLayout = FIGURE_LAYOUT): PlacedPoint[] {
  const located = points.map((p) => ({ ...p, ...toSvg(p.influence, p.importance, layout) }));
  const pointBoxes: Box[] = located.map((p) => ({
    x: p.x - POINT_RADIUS,
    y: p.y - POINT_RADIUS,
    w: POINT_RADIUS * 2,
    h: POINT_RADIUS * 2,
  }));
  const taken: Box[] = [...pointBoxes];
  const placed: PlacedPoint[] = [];
  // Crowded points first (those with the most neighbours), so they get the best sides.
  const order = located
    .map((p, i) => ({ i, crowd: located.filter((q) => Math.hypot(q.x - p.x, q.y - p.y) < 160).length }))
    .sort((a, b) => b.crowd - a.crowd || a.i - b.i)
    .map((o) => o.i);
  const result: (PlacedPoint | undefined)[] = new Array(points.length);
  for (const i of order) {
    const p = located[i];
    if (!p) continue;
    const lines = wrapLabel(p.label);
    let best: { side: LabelSide; score: number; l: ReturnType<typeof labelBox> } | undefined;
    for (const side of ["right", "left", "below", "above"] as const) {
      const l = labelBox(side, p.x, p.y, lines);
      const score = (inside(l.box, layout) ? 0 : 1000) + taken.reduce((s, b, j) => s + (j === i ? 0 : overlaps(l.box, b) ? 1 : 0), 0) * 10;
      if (!best || score < best.score) best = { side, score, l };
      if (score === 0) break;
    }
    const chosen = best;
    if (!chosen) continue;
    taken.push(chosen.l.box);
    result[i] = {
      number: p.number,
      label: p.label,
      influence: p.influence,
      importance: p.importance,
      approximate: p.approximate,
      cx: p.x,
      cy: p.y,
      lines,
      side: chosen.side,
      labelX: chosen.l.labelX,
      labelY: chosen.l.labelY,
      anchor: chosen.l.anchor,
      box: chosen.l.box,
    };
  }
  for (const r of result) if (r) placed.push(r);
  return placed;
}
