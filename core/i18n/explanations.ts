import { formatDate, formatFractionAsPercent, formatNumber, type Locale } from "../format.js";
import { parsePeriod } from "../periods.js";
import type { Explanation } from "../targets/evaluate.js";
import { unitLabel } from "./units.js";

/**
 * Message catalogue for target explanations. Placeholders are {name}; "{actual unit}" style
 * is not used: a number followed by {unit} is rendered as "12 besøk" and drops the unit when
 * it has no label.
 */
export const EXPLANATION_MESSAGES: Record<Locale, Record<string, string>> = {
  nb: {
    "target.not_due": "Perioden {period} har ikke begynt.",
    "target.plan_not_started": "Planperioden starter {startDate}.",
    "target.no_data": "Ingen tall for {period} ennå.",
    "target.no_data_status": "Ingen tall for {period} ({status}).",
    "at_least.achieved": "{actual} av {target} {unit} i {period} – målet er nådd.",
    "at_least.missed": "{actual} av {target} {unit} i {period}; {shortfall} for lite.",
    "at_least.level_below": "{actual} {unit} i {period}; målet er minst {target}.",
    "at_least.in_progress": "{actual} av {target} {unit} i {period}; {remaining} gjenstår, {daysLeft} igjen av {periodNoun}.",
    "at_most.within": "{actual} {unit} i {period}; grensen er {limit}.",
    "at_most.over": "{actual} {unit} i {period}; over grensen på {limit}.",
    "at_most.over_so_far": "{actual} {unit} så langt i {period}; over grensen på {limit}.",
    "at_most.projected": "{actual} {unit} så langt i {period}; med samme takt blir det {projected} mot grensen {limit}.",
    "between.within": "{actual} {unit} i {period}; målet er {min}–{max}.",
    "between.below": "{actual} {unit} i {period}; målet var {min}–{max}.",
    "between.above": "{actual} {unit} i {period}; over målet på {min}–{max}.",
    "between.in_progress": "{actual} {unit} hittil i {period}; målet er {min}–{max}, {daysLeft} igjen.",
    "milestone.achieved": "Nådd {reachedDate}, innen fristen {dueDate}.",
    "milestone.achieved_undated": "Nådd; fristen var {dueDate}.",
    "milestone.achieved_late": "Nådd {reachedDate}, {daysLate} etter fristen {dueDate}.",
    "milestone.missed": "Ikke nådd; fristen {dueDate} er passert (fremdrift {progressPct}).",
    "milestone.cancelled": "Tiltaket er avbrutt; fristen er {dueDate}.",
    "milestone.in_progress": "Fremdrift {progressPct}, forventet {expectedPct} nå; frist {dueDate} ({daysLeft} igjen).",
    "milestone.not_started": "Fristen er {dueDate}; arbeidet har ikke startet ennå.",
    "milestone.no_data": "Ingen tall ennå; fristen er {dueDate}.",
    "milestone.no_updates": "Ingen statusoppdatering ennå; fristen er {dueDate}.",
    "milestone.no_updates_overdue": "Ingen statusoppdatering; fristen {dueDate} er passert uten at tiltaket er meldt fullført.",
    "milestone.no_data_overdue": "Ingen tall; fristen {dueDate} er passert.",
    "growth.met": "Vekst {growthPct} fra {prevPeriod} til {period} ({previous} → {actual} {unit}); målet er minst {ratePct}.",
    "growth.below": "Vekst {growthPct} fra {prevPeriod} til {period} ({previous} → {actual} {unit}); målet er minst {ratePct}.",
    "growth.in_progress":
      "{actual} {unit} så langt i {period}, forventet {expected} nå for å nå {ratePct} vekst fra {previous} i {prevPeriod}.",
    "growth.no_base": "Mangler tall for {prevPeriod} å regne vekst fra.",
    "growth.not_reported": "Tallet for {period} er ikke rapportert ennå.",
    "rank.met": "{rank}. plass i {period}; målet er blant de {target} beste.",
    "rank.below": "{rank}. plass i {period}; målet er blant de {target} beste.",
    "hold.within": "{actual} {unit} i {period} mot {baseline} i {baselinePeriod}; innenfor tillatt avvik på {tolerancePct}.",
    "hold.outside": "{actual} {unit} i {period} mot {baseline} i {baselinePeriod}; avvik {deviationPct}, tillatt {tolerancePct}.",
    "hold.within_fixed": "{actual} {unit} i {period} mot grunnlaget på {baseline}; innenfor tillatt avvik på {tolerancePct}.",
    "hold.outside_fixed": "{actual} {unit} i {period} mot grunnlaget på {baseline}; avvik {deviationPct}, tillatt {tolerancePct}.",
    "hold.no_baseline": "Mangler grunnlagstall for {baselinePeriod}.",
    "trend.rising": "Stigende: {first} i {firstPeriod} → {last} i {lastPeriod} ({count} målinger).",
    "trend.flat": "Flat utvikling: {first} i {firstPeriod} → {last} i {lastPeriod}.",
    "trend.falling": "Synkende: {first} i {firstPeriod} → {last} i {lastPeriod}.",
    "trend.too_few": "Trenger minst to målinger fra {fromPeriod}; har {count}.",
    latest: "Siste tilgjengelige tall (ingen for {latestFor} ennå).",
  },
  en: {
    "target.not_due": "Period {period} has not started.",
    "target.plan_not_started": "The plan period starts {startDate}.",
    "target.no_data": "No figures for {period} yet.",
    "target.no_data_status": "No figures for {period} ({status}).",
    "at_least.achieved": "{actual} of {target} {unit} in {period} – target reached.",
    "at_least.missed": "{actual} of {target} {unit} in {period}; {shortfall} short.",
    "at_least.level_below": "{actual} {unit} in {period}; the target is at least {target}.",
    "at_least.in_progress": "{actual} of {target} {unit} in {period}; {remaining} to go, {daysLeft} left of {periodNoun}.",
    "at_most.within": "{actual} {unit} in {period}; the limit is {limit}.",
    "at_most.over": "{actual} {unit} in {period}; above the limit of {limit}.",
    "at_most.over_so_far": "{actual} {unit} so far in {period}; above the limit of {limit}.",
    "at_most.projected": "{actual} {unit} so far in {period}; at this pace {projected} against the limit of {limit}.",
    "between.within": "{actual} {unit} in {period}; the target is {min}–{max}.",
    "between.below": "{actual} {unit} in {period}; the target was {min}–{max}.",
    "between.above": "{actual} {unit} in {period}; above the target of {min}–{max}.",
    "between.in_progress": "{actual} {unit} so far in {period}; the target is {min}–{max}, {daysLeft} left.",
    "milestone.achieved": "Reached {reachedDate}, within the deadline {dueDate}.",
    "milestone.achieved_undated": "Reached; the deadline was {dueDate}.",
    "milestone.achieved_late": "Reached {reachedDate}, {daysLate} after the deadline {dueDate}.",
    "milestone.missed": "Not reached; the deadline {dueDate} has passed (progress {progressPct}).",
    "milestone.cancelled": "The measure was cancelled; the deadline is {dueDate}.",
    "milestone.in_progress": "Progress {progressPct}, {expectedPct} expected by now; deadline {dueDate} ({daysLeft} left).",
    "milestone.not_started": "The deadline is {dueDate}; work has not started yet.",
    "milestone.no_data": "No figures yet; the deadline is {dueDate}.",
    "milestone.no_updates": "No status update yet; the deadline is {dueDate}.",
    "milestone.no_updates_overdue": "No status update; the deadline {dueDate} has passed without the measure being reported completed.",
    "milestone.no_data_overdue": "No figures; the deadline {dueDate} has passed.",
    "growth.met": "Growth {growthPct} from {prevPeriod} to {period} ({previous} → {actual} {unit}); the target is at least {ratePct}.",
    "growth.below": "Growth {growthPct} from {prevPeriod} to {period} ({previous} → {actual} {unit}); the target is at least {ratePct}.",
    "growth.in_progress":
      "{actual} {unit} so far in {period}, {expected} expected by now to reach {ratePct} growth from {previous} in {prevPeriod}.",
    "growth.no_base": "No figure for {prevPeriod} to compute growth from.",
    "growth.not_reported": "The figure for {period} has not been reported yet.",
    "rank.met": "Ranked {rank} in {period}; the target is top {target}.",
    "rank.below": "Ranked {rank} in {period}; the target is top {target}.",
    "hold.within": "{actual} {unit} in {period} against {baseline} in {baselinePeriod}; within the allowed deviation of {tolerancePct}.",
    "hold.outside": "{actual} {unit} in {period} against {baseline} in {baselinePeriod}; deviation {deviationPct}, allowed {tolerancePct}.",
    "hold.within_fixed": "{actual} {unit} in {period} against the baseline of {baseline}; within the allowed deviation of {tolerancePct}.",
    "hold.outside_fixed":
      "{actual} {unit} in {period} against the baseline of {baseline}; deviation {deviationPct}, allowed {tolerancePct}.",
    "hold.no_baseline": "No baseline figure for {baselinePeriod}.",
    "trend.rising": "Rising: {first} in {firstPeriod} → {last} in {lastPeriod} ({count} readings).",
    "trend.flat": "Flat: {first} in {firstPeriod} → {last} in {lastPeriod}.",
    "trend.falling": "Falling: {first} in {firstPeriod} → {last} in {lastPeriod}.",
    "trend.too_few": "Needs at least two readings from {fromPeriod}; has {count}.",
    latest: "Latest available figures (none for {latestFor} yet).",
  },
};

const STATUS_CODE_TEXT: Record<Locale, Record<string, string>> = {
  nb: { "..": "ikke tilgjengelig ennå", "...": "ikke publisert", ":": "skjermet", "-": "ingenting å rapportere" },
  en: { "..": "not yet available", "...": "not published", ":": "suppressed", "-": "nothing to report" },
};

const MONTHS_NB = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];
const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** A period id as people say it: "2017", "skoleåret 2017/18", "1. kvartal 2017", "mars 2017". */
export function periodLabel(id: string, locale: Locale): string {
  const p = parsePeriod(id);
  if (!p) return id;
  const y = id.slice(0, 4);
  switch (p.kind) {
    case "year":
      return id;
    case "school_year":
      return locale === "nb" ? `skoleåret ${id}` : `school year ${id}`;
    case "tertial":
      return locale === "nb" ? `${id.slice(6)}. tertial ${y}` : `T${id.slice(6)} ${y}`;
    case "quarter":
      return locale === "nb" ? `${id.slice(6)}. kvartal ${y}` : `Q${id.slice(6)} ${y}`;
    case "month": {
      const m = Number(id.slice(5, 7)) - 1;
      return `${(locale === "nb" ? MONTHS_NB : MONTHS_EN)[m]} ${y}`;
    }
    case "day":
      return formatDate(id, locale);
    case "plan_period": {
      const start = id.slice(0, 4);
      const end = id.slice(12, 16);
      return locale === "nb" ? `planperioden ${start}–${end}` : `the plan period ${start}–${end}`;
    }
  }
}

const PERIOD_NOUN: Record<Locale, Record<string, string>> = {
  nb: {
    year: "året",
    school_year: "skoleåret",
    tertial: "tertialet",
    quarter: "kvartalet",
    month: "måneden",
    day: "dagen",
    plan_period: "planperioden",
  },
  en: {
    year: "the year",
    school_year: "the school year",
    tertial: "the tertial",
    quarter: "the quarter",
    month: "the month",
    day: "the day",
    plan_period: "the plan period",
  },
};

/** A number of days as the largest sensible unit: "5 dager", "5 uker", "7 måneder". */
export function formatDuration(days: number, locale: Locale): string {
  const words =
    locale === "nb"
      ? { d: ["dag", "dager"], w: ["uke", "uker"], m: ["måned", "måneder"] }
      : { d: ["day", "days"], w: ["week", "weeks"], m: ["month", "months"] };
  const pick = (n: number, forms: string[]) => `${formatNumber(n, locale, 0)} ${n === 1 ? forms[0] : forms[1]}`;
  if (days < 14) return pick(days, words.d);
  if (days < 70) return pick(Math.round(days / 7), words.w);
  return pick(Math.round(days / 30.44), words.m);
}

function formatParam(name: string, value: string | number, locale: Locale): string {
  if (name === "unit") return unitLabel(String(value), locale);
  if (name === "status") return STATUS_CODE_TEXT[locale][String(value)] ?? String(value);
  if (typeof value === "string") {
    if (name.endsWith("Date")) return formatDate(value, locale);
    if (name === "period" || name.endsWith("Period") || name === "latestFor") return periodLabel(value, locale);
    return value;
  }
  if (name.endsWith("Pct")) return formatFractionAsPercent(value, locale);
  if (name.startsWith("days")) return formatDuration(value, locale);
  return formatNumber(value, locale);
}

/** Renders an explanation in the given language, e.g. "12 av 15 besøk i 2017; 3 gjenstår, 5 uker igjen av året." */
export function renderExplanation(explanation: Explanation, locale: Locale): string {
  const template = EXPLANATION_MESSAGES[locale][explanation.key] ?? explanation.key;
  const params = explanation.params;
  let text = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === "periodNoun") {
      const kind = typeof params.period === "string" ? parsePeriod(params.period)?.kind : undefined;
      return PERIOD_NOUN[locale][kind ?? "year"] ?? "";
    }
    const value = params[name];
    return value === undefined ? `{${name}}` : formatParam(name, value, locale);
  });
  // A unit without a label leaves a double space or a space before punctuation.
  text = text.replace(/ {2,}/g, " ").replace(/ ([;,.)])/g, "$1");
  if (explanation.key !== "latest" && typeof params.latestFor === "string") {
    text += ` ${renderExplanation({ key: "latest", params: { latestFor: params.latestFor } }, locale)}`;
  }
  return text;
}
