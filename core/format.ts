/**
 * Number, date and percentage formatting for the UI and explanations.
 * Norwegian bokmål uses a no-break space as the group separator and a comma as decimal mark
 * ("1 234,5"), dates as "26.11.2026" and percentages as "12,5 %".
 */
export type Locale = "nb" | "en";
export const LOCALES: readonly Locale[] = ["nb", "en"];

const intlLocale = (locale: Locale) => (locale === "nb" ? "nb-NO" : "en-GB");

export function formatNumber(value: number, locale: Locale = "nb", maxFractionDigits = 1): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: maxFractionDigits }).format(value);
}

/** A fraction (0.05) as a percentage ("5 %"). */
export function formatFractionAsPercent(fraction: number, locale: Locale = "nb", maxFractionDigits = 1): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: "percent", maximumFractionDigits: maxFractionDigits }).format(fraction);
}

/** An ISO date (YYYY-MM-DD) as "26.11.2026" (nb) or "26 Nov 2026" (en). */
export function formatDate(isoDate: string, locale: Locale = "nb"): string {
  const [y = Number.NaN, m = Number.NaN, d = Number.NaN] = isoDate.slice(0, 10).split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (locale === "nb") return `${String(d).padStart(2, "0")}.${String(m).padStart(2, "0")}.${y}`;
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(date);
}
