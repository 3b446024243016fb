import { parsePeriod } from "../periods.js";

/**
 * A school year as people write it — "2016/17", "2016/2017", "2016-17", "2016–2017" — as the
 * period id "2016/17", or null when it is not two consecutive years.
 */
export function normalizeSchoolYear(raw: string): string | null {
  const m = raw.trim().match(/^(\d{4})\s*[/\-–]\s*(\d{2}|\d{4})$/);
  if (!m) return null;
  const start = Number(m[1]);
  const endText = m[2] ?? "";
  const end = endText.length === 4 ? Number(endText) : null;
  if (end !== null && end !== start + 1) return null;
  const id = `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
  if (end === null && endText !== id.slice(5)) return null;
  return parsePeriod(id) ? id : null;
}
