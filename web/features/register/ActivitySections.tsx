/**
 * Entries and exits: new firms, deletions and bankruptcies per year (per 1000 inhabitants where
 * the indicator `population` has a value), and cohort survival after 1, 3 and 5 years — "no data"
 * with its reason where the snapshots do not allow the figure.
 */
import { Paragraph } from "@digdir/designsystemet-react";
import { formatDate, formatNumber } from "../../format.js";
import { useI18n } from "../../i18n/index.js";
import type { SurvivalFigure, YearFigures } from "../../types.js";
import { SeriesFigure } from "../logs/LogPage.js";
import { DataTable } from "./DataTable.js";
import { distinctReasons, noDataReason, survivalGrid } from "./figures.js";
import { DASH, num, pct, Section } from "./shared.js";

const COUNT_FORMAT = { format: "integer", unit: "count" };

/** `until`: the date of the latest hovedenheter snapshot; its year is counted only up to that date. */
export function YearsSection({ years, idPrefix, until }: { years: YearFigures[]; idPrefix: string; until?: string }) {
  const { t, locale } = useI18n();
  const partialYear = until && !until.endsWith("-12-31") ? Number(until.slice(0, 4)) : null;
  const yearLabel = (y: number) =>
    y === partialYear && until ? t("register.years.partial", { year: y, date: formatDate(until, locale) }) : String(y);
  const captionId = `${idPrefix}-years-table`;
  const hasPopulation = years.some((y) => y.population !== null);
  const registrations = years.flatMap((y) => (y.registrations === null ? [] : [{ period: String(y.year), value: y.registrations }]));
  const first = registrations[0];
  const last = registrations.at(-1);
  const per1000 = (v: number | null) => (v === null ? DASH : formatNumber(v, locale, 1));
  return (
    <Section id={`${idPrefix}-years-heading`} title={t("register.years.heading")}>
      <Paragraph className="nk-muted">{t("register.years.intro")}</Paragraph>
      {years.length === 0 ? (
        <Paragraph className="nk-register__empty">{t("register.years.none")}</Paragraph>
      ) : (
        <div className="nk-counts">
          {first && last && (
            <SeriesFigure
              series={registrations}
              format={COUNT_FORMAT}
              title={t("register.years.chartTitle")}
              description={t("register.years.chartDescription", {
                from: first.period,
                to: last.period,
                first: num(first.value, locale),
                last: num(last.value, locale),
              })}
              caption={t("register.years.chartCaption")}
              tableId={captionId}
              locale={locale}
            />
          )}
          <DataTable
            caption={t("register.years.tableCaption")}
            captionId={captionId}
            rows={years}
            rowKey={(y) => String(y.year)}
            columns={[
              { label: t("register.col.year"), cell: (y) => yearLabel(y.year) },
              { label: t("register.col.registrations"), cell: (y) => num(y.registrations, locale), num: true },
              ...(hasPopulation
                ? [
                    { label: t("register.col.population"), cell: (y: YearFigures) => num(y.population, locale), num: true },
                    { label: t("register.col.per1000"), cell: (y: YearFigures) => per1000(y.registrationsPer1000), num: true },
                  ]
                : []),
              { label: t("register.col.deletions"), cell: (y) => num(y.deletions, locale), num: true },
              { label: t("register.col.bankruptcies"), cell: (y) => num(y.bankruptcies, locale), num: true },
              { label: t("register.col.movedIn"), cell: (y) => num(y.movedIn, locale), num: true },
              { label: t("register.col.movedOut"), cell: (y) => num(y.movedOut, locale), num: true },
            ]}
          />
        </div>
      )}
      {partialYear !== null && until && years.some((y) => y.year === partialYear) && (
        <Paragraph className="nk-register__note">{t("register.years.partialNote", { date: formatDate(until, locale) })}</Paragraph>
      )}
      {!hasPopulation && <Paragraph className="nk-register__note">{t("register.years.noPopulation")}</Paragraph>}
      {years.length > 0 && years.every((y) => y.deletions === null) && (
        <Paragraph className="nk-register__note">{t("register.years.noChanges")}</Paragraph>
      )}
    </Section>
  );
}

export function SurvivalSection({ survival, idPrefix }: { survival: SurvivalFigure[]; idPrefix: string }) {
  const { t, locale } = useI18n();
  const rows = survivalGrid(survival);
  const reasons = distinctReasons(survival);
  const reasonText = (r: string | undefined, f?: SurvivalFigure) => {
    const m = noDataReason(r, f?.reasonCode, f?.reasonYear);
    return t(m.key, m.values);
  };
  const cell = (f: SurvivalFigure | undefined) => {
    if (!f) return DASH;
    if (f.status === "no_data" || f.share === null)
      return (
        <>
          {t("register.survival.noData")}
          <span className="nk-cell-note">{reasonText(f.reason, f)}</span>
        </>
      );
    return (
      <>
        {pct(f.share, locale)}
        <span className="nk-cell-note">
          {t("register.survival.ofCohort", { survivors: num(f.survivors, locale), cohort: num(f.cohortSize, locale) })}
        </span>
      </>
    );
  };
  const allMissing = survival.length > 0 && survival.every((f) => f.status === "no_data");
  return (
    <Section id={`${idPrefix}-survival-heading`} title={t("register.survival.heading")}>
      <Paragraph className="nk-muted">{t("register.survival.intro")}</Paragraph>
      {survival.length === 0 ? (
        <Paragraph className="nk-register__empty">{t("register.survival.noData")}</Paragraph>
      ) : allMissing ? (
        <div className="nk-register__empty">
          <Paragraph>{t("register.survival.allMissing")}</Paragraph>
          <ul>
            {reasons.map((r) => (
              <li key={r}>{reasonText(r)}</li>
            ))}
          </ul>
        </div>
      ) : (
        <DataTable
          caption={t("register.survival.tableCaption")}
          rows={rows}
          rowKey={(r) => String(r.cohort)}
          columns={[
            { label: t("register.col.cohort"), cell: (r) => String(r.cohort) },
            { label: t("register.survival.after", { count: 1 }), cell: (r) => cell(r.cells[1]) },
            { label: t("register.survival.after", { count: 3 }), cell: (r) => cell(r.cells[3]) },
            { label: t("register.survival.after", { count: 5 }), cell: (r) => cell(r.cells[5]) },
          ]}
        />
      )}
    </Section>
  );
}
