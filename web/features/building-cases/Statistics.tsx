/** Processing-time statistics for næringsbygg against the plan's 8 weeks: the charts and their table, per year or quarter. */
import { Heading, Paragraph, Table, TableBody, TableCell, TableFoot, TableRow, ToggleGroup } from "@digdir/designsystemet-react";
import { useState } from "react";
import { ErrorMessage, Loading } from "../../components/Feedback.js";
import { useEndpoint } from "../../data.js";
import { formatDate, formatNumber, periodLabel } from "../../format.js";
import { useI18n } from "../../i18n/index.js";
import type { BuildingCasePeriodStats, BuildingCaseStats } from "../../types.js";
import { SeriesFigure } from "../logs/LogPage.js";
import { ColumnHeads, WEEK_FORMAT, weeks } from "./shared.js";

const PERIODS = ["year", "quarter"] as const;
type Period = (typeof PERIODS)[number];
const isPeriod = (v: string): v is Period => PERIODS.some((p) => p === v);

export function Statistics() {
  const { t, locale } = useI18n();
  const [period, setPeriod] = useState<Period>("year");
  const { data: stats, error } = useEndpoint("GET /api/building-cases/stats", { query: { period } });
  // Inside a sentence: "ett-trinns søknad og rammetillatelse".
  const typeNames = stats?.definition.applicationTypes.map((a) => t(`buildingCases.type.${a}`).toLocaleLowerCase(locale)) ?? [];
  const target = stats?.definition.targetWeeks ?? 8;
  const band = [{ from: target, to: target, label: t("buildingCases.targetLine", { weeks: target }) }];
  const mean = (stats?.periods ?? []).flatMap((p) => (p.meanWeeks === null ? [] : [{ period: p.period, value: p.meanWeeks }]));
  const median = (stats?.periods ?? []).flatMap((p) => (p.medianWeeks === null ? [] : [{ period: p.period, value: p.medianWeeks }]));
  const describe = (s: { period: string; value: number }[]) => {
    const first = s[0];
    const last = s[s.length - 1];
    return first && last
      ? t("buildingCases.chartDescription", {
          count: s.length,
          from: periodLabel(first.period, locale),
          to: periodLabel(last.period, locale),
          last: weeks(last.value, locale),
          target,
        })
      : "";
  };

  return (
    <section aria-labelledby="bc-stats-heading" className="nk-section">
      <div className="nk-section__head">
        <Heading level={2} data-size="md" id="bc-stats-heading">
          {t("buildingCases.statsHeading")}
        </Heading>
        <ToggleGroup
          aria-label={t("buildingCases.periodLabel")}
          value={period}
          onChange={(v) => isPeriod(v) && setPeriod(v)}
          data-size="sm"
          className="nk-no-print"
        >
          <ToggleGroup.Item value="year">{t("buildingCases.perYear")}</ToggleGroup.Item>
          <ToggleGroup.Item value="quarter">{t("buildingCases.perQuarter")}</ToggleGroup.Item>
        </ToggleGroup>
      </div>
      {error && !stats ? (
        <ErrorMessage error={error} />
      ) : !stats ? (
        <Loading />
      ) : (
        <>
          <Paragraph className="nk-lead">{stats.definition.text[locale]}</Paragraph>
          <Paragraph className="nk-counted">
            {t("buildingCases.counted", { types: typeNames.join(t("common.and")), weeks: target })}
          </Paragraph>
          {stats.periods.length === 0 ? (
            <Paragraph className="nk-muted">{t("buildingCases.noDecisions")}</Paragraph>
          ) : (
            <>
              <div className="nk-chart-pair">
                <SeriesFigure
                  series={mean}
                  bands={band}
                  format={WEEK_FORMAT}
                  title={t("buildingCases.meanChartTitle")}
                  description={describe(mean)}
                  caption={t("buildingCases.meanChartCaption", { weeks: target })}
                  tableId="bc-stats-table-caption"
                  locale={locale}
                />
                <SeriesFigure
                  series={median}
                  bands={band}
                  format={WEEK_FORMAT}
                  title={t("buildingCases.medianChartTitle")}
                  description={describe(median)}
                  caption={t("buildingCases.medianChartCaption", { weeks: target })}
                  tableId="bc-stats-table-caption"
                  locale={locale}
                />
              </div>
              <StatsTable stats={stats} />
            </>
          )}
        </>
      )}
    </section>
  );
}

function StatsTable({ stats }: { stats: BuildingCaseStats }) {
  const { t, locale } = useI18n();
  const n = (v: number) => formatNumber(v, locale, 0);
  const cols = {
    period: t("buildingCases.col.period"),
    count: t("buildingCases.col.decisions"),
    mean: t("buildingCases.col.mean"),
    median: t("buildingCases.col.median"),
    over: t("buildingCases.col.overTarget", { weeks: stats.definition.targetWeeks }),
    breaches: t("buildingCases.col.statutoryBreaches"),
    received: t("buildingCases.col.fromReceived"),
  };
  const row = (p: BuildingCasePeriodStats, label: string) => (
    <>
      <TableCell data-label={cols.period}>{label}</TableCell>
      <TableCell data-label={cols.count} className="nk-num">
        {n(p.count)}
      </TableCell>
      <TableCell data-label={cols.mean} className="nk-num">
        {weeks(p.meanWeeks, locale)}
      </TableCell>
      <TableCell data-label={cols.median} className="nk-num">
        {weeks(p.medianWeeks, locale)}
      </TableCell>
      <TableCell data-label={cols.over} className="nk-num">
        {n(p.overTargetWeeks)}
      </TableCell>
      <TableCell data-label={cols.breaches} className="nk-num">
        {n(p.statutoryBreaches)}
      </TableCell>
      <TableCell data-label={cols.received} className="nk-num">
        {n(p.startedFromReceived)}
      </TableCell>
    </>
  );
  return (
    <Table className="nk-table nk-table--stack" data-size="sm" zebra>
      <caption id="bc-stats-table-caption" className="nk-table__caption">
        {t("buildingCases.statsCaption")}
      </caption>
      <ColumnHeads cols={cols} />
      <TableBody>
        {stats.periods.map((p) => (
          <TableRow key={p.period}>{row(p, periodLabel(p.period, locale))}</TableRow>
        ))}
      </TableBody>
      {stats.total && (
        <TableFoot>
          <TableRow className="nk-table__total">
            {row(
              stats.total,
              t("buildingCases.total", { from: formatDate(stats.total.start, locale), to: formatDate(stats.total.end, locale) }),
            )}
          </TableRow>
        </TableFoot>
      )}
    </Table>
  );
}
