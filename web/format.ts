/**
 * nb-NO formatting for the UI: re-exports core/format.ts ("1 234,5", "26.11.2026", "12,5 %")
 * and adds what only the web app needs (indicator values with units, short period labels).
 */
import { formatDate, formatFractionAsPercent, formatNumber, type Locale } from "../core/format.js";
import { periodLabel } from "../core/i18n/explanations.js";
import { unitLabel } from "../core/i18n/units.js";
import { parsePeriod } from "../core/periods.js";

export { formatDate, formatFractionAsPercent, formatNumber, type Locale, periodLabel, unitLabel };

export function toLocale(language: string | undefined): Locale {
  return language?.startsWith("en") ? "en" : "nb";
}

/** A percentage given in percent units (12.5 → "12,5 %"). */
export function formatPercent(value: number, locale: Locale = "nb", maxFractionDigits = 1): string {
  return formatFractionAsPercent(value / 100, locale, maxFractionDigits);
}

/** An ISO timestamp as "26.11.2026 kl. 08:15" (nb) or "26 Nov 2026, 08:15" (en), Norwegian time. */
export function formatDateTime(iso: string, locale: Locale = "nb"): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const day = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" }).format(d);
  const time = new Intl.DateTimeFormat("nb-NO", { timeZone: "Europe/Oslo", hour: "2-digit", minute: "2-digit" }).format(d);
  return locale === "nb" ? `${formatDate(day, "nb")} kl. ${time}` : `${formatDate(day, "en")}, ${time}`;
}

/** Keeps a number and its unit on one line. */
const NBSP = "\u00a0";

export interface ValueFormatInfo {
  format: string;
  unit: string;
}

/**
 * An indicator value with its unit: "38,8 %", "85 000 mill. kr", "2. plass", "12 besøk".
 * Units that read badly after a number (count) are left out.
 */
export function formatIndicatorValue(value: number, info: ValueFormatInfo, locale: Locale = "nb", withUnit = true): string {
  switch (info.format) {
    case "percent":
      return formatPercent(value, locale);
    case "rank":
      return locale === "nb" ? `${formatNumber(value, locale, 0)}.${NBSP}plass` : `rank${NBSP}${formatNumber(value, locale, 0)}`;
    case "boolean":
      return value ? (locale === "nb" ? "ja" : "yes") : locale === "nb" ? "nei" : "no";
    default: {
      const digits = info.format === "integer" || info.format === "currency" ? 0 : 1;
      const n = formatNumber(value, locale, digits);
      const unit = withUnit ? unitText(info.unit, locale) : "";
      if (info.unit === "percent") return withUnit ? formatPercent(value, locale) : n;
      return unit ? `${n}${NBSP}${unit}` : n;
    }
  }
}

/** A compact label for chart axes: "2017", "T1 2017", "K1 2017", "mar. 2017", "17/18". */
export function shortPeriodLabel(id: string, locale: Locale = "nb"): string {
  const p = parsePeriod(id);
  if (!p) return id;
  const y = id.slice(0, 4);
  switch (p.kind) {
    case "year":
      return id;
    case "school_year":
      return id;
    case "tertial":
      return `T${id.slice(6)} ${y}`;
    case "quarter":
      return `${locale === "nb" ? "K" : "Q"}${id.slice(6)} ${y}`;
    case "month": {
      const month = new Intl.DateTimeFormat(locale === "nb" ? "nb-NO" : "en-GB", { month: "short", timeZone: "UTC" }).format(
        new Date(`${id}-01T00:00:00Z`),
      );
      return `${month} ${y}`;
    }
    case "day":
      return formatDate(id, locale);
    case "plan_period":
      return `${id.slice(0, 4)}–${id.slice(12, 16)}`;
  }
}

/** The middle of a period as a timestamp (ms), for placing a value on a time axis. */
export function periodMidpoint(id: string): number | null {
  const p = parsePeriod(id);
  if (!p) return null;
  return (Date.parse(`${p.start}T00:00:00Z`) + Date.parse(`${p.end}T00:00:00Z`)) / 2;
}

export { comparePeriods } from "../core/periods.js";

const EXTRA_UNITS: Record<string, Record<Locale, string>> = {
  vehicles_per_day: { nb: "kjøretøy per døgn", en: "vehicles per day" },
  km_per_h: { nb: "km/t", en: "km/h" },
};

/** Unit label with fallbacks for codes core/i18n/units.ts does not know yet; never the raw code with "_". */
export function unitText(unit: string, locale: Locale = "nb"): string {
  const fromCore = unitLabel(unit, locale);
  if (fromCore !== unit) return fromCore;
  return EXTRA_UNITS[unit]?.[locale] ?? unit.replace(/_/g, " ");
}
