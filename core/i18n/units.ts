import type { Locale } from "../format.js";

/** Display names for indicator unit codes, as used after a number ("12 besøk"). */
export const UNIT_LABELS: Record<string, Record<Locale, string>> = {
  count: { nb: "", en: "" },
  visits: { nb: "besøk", en: "visits" },
  companies: { nb: "bedrifter", en: "companies" },
  meetings: { nb: "møter", en: "meetings" },
  weeks: { nb: "uker", en: "weeks" },
  percent: { nb: "%", en: "%" },
  nok: { nb: "kr", en: "NOK" },
  nok_million: { nb: "mill. kr", en: "NOK million" },
  rank: { nb: "plass", en: "place" },
  m2: { nb: "m²", en: "m²" },
  m3: { nb: "m³", en: "m³" },
  placements: { nb: "praksisplasser", en: "placements" },
  dwellings: { nb: "boliger", en: "dwellings" },
  jobs: { nb: "arbeidsplasser", en: "jobs" },
  persons: { nb: "personer", en: "people" },
  nights: { nb: "overnattinger", en: "nights" },
  decar: { nb: "dekar", en: "decares" },
  per_1000: { nb: "per 1000 innbyggere", en: "per 1,000 inhabitants" },
  projects: { nb: "prosjekter", en: "projects" },
  procurements: { nb: "anskaffelser", en: "procurements" },
  vehicles_per_day: { nb: "kjøretøy per døgn", en: "vehicles per day" },
  km_per_h: { nb: "km/t", en: "km/h" },
};

export function unitLabel(unit: string, locale: Locale): string {
  return UNIT_LABELS[unit]?.[locale] ?? unit;
}
