/**
 * Layout of a horizontal bar chart: one row per item, the label on its own line above the bar
 * (long industry names stay readable on a phone) and the value after the bar's end. Pure.
 */
import { linearScale } from "../charts/scale.js";

export interface BarItem {
  key: string;
  label: string;
  value: number;
  /** The value as shown (formatted by the caller). */
  text: string;
}

export interface BarRow extends BarItem {
  labelY: number;
  barY: number;
  barWidth: number;
  valueX: number;
}

export interface BarLayout {
  width: number;
  height: number;
  rows: BarRow[];
  barHeight: number;
  left: number;
}

export const BAR_ROW_HEIGHT = 44;
const TOP = 8;
const LEFT = 4;
const BAR_HEIGHT = 16;
/** Room for the value text after the longest bar (about 7 px per character at 12 px). */
const charWidth = 7;

export function layoutBars(items: readonly BarItem[], width: number): BarLayout {
  const w = Math.max(280, Math.min(1200, Math.round(width)));
  const longestText = Math.max(1, ...items.map((i) => i.text.length));
  const right = w - longestText * charWidth - 12;
  const max = Math.max(0, ...items.map((i) => i.value));
  const x = linearScale([0, max > 0 ? max : 1], [0, Math.max(20, right - LEFT)]);
  const rows = items.map((item, i) => {
    const top = TOP + i * BAR_ROW_HEIGHT;
    const barWidth = item.value > 0 ? Math.max(1, x(item.value)) : 0;
    return { ...item, labelY: top + 12, barY: top + 18, barWidth, valueX: LEFT + barWidth + 6 };
  });
  return { width: w, height: TOP + items.length * BAR_ROW_HEIGHT + 4, rows, barHeight: BAR_HEIGHT, left: LEFT };
}

/** The `n` largest items, the rest summed into one "other" row (kept last) when there are more. */
export function topWithOther(items: readonly BarItem[], n: number, other: (sum: number) => Omit<BarItem, "value">): BarItem[] {
  if (items.length <= n) return [...items];
  const sorted = [...items].sort((a, b) => b.value - a.value);
  const rest = sorted.slice(n).reduce((s, i) => s + i.value, 0);
  return [...sorted.slice(0, n), { ...other(rest), value: rest }];
}
