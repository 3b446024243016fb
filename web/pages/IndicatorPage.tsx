/** An indicator: definition, the time series with targets drawn in, values with provenance, and the form to add a value. */
import { Heading, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@digdir/designsystemet-react";
import { lazy, Suspense } from "react";
import { todayInOslo } from "../../core/periods.js";
import { PlainLink } from "../components/AppLink.js";
import { Breadcrumbs } from "../components/Breadcrumbs.js";
import { ErrorMessage, Loading } from "../components/Feedback.js";
import { PageHeading } from "../components/PageHeading.js";
import { useEndpoint } from "../data.js";
import { numericSeries, type ReferenceBand } from "../features/charts/scale.js";
import { IndicatorValueForm } from "../features/indicators/IndicatorValueForm.js";
import { referenceFor, seriesPeriodKind } from "../features/indicators/reference.js";
import { targetsReading } from "../features/indicators/targetsFor.js";
import { usePlanKey, usePlanTree } from "../features/plan/plans.js";
import { TargetItem } from "../features/plan/TargetItem.js";
import { useCanWrite, useSession } from "../features/session/session.js";
import { comparePeriods, formatIndicatorValue, periodLabel, unitText } from "../format.js";
import { useI18n } from "../i18n/index.js";
import { hrefFor } from "../router.js";

const TimeSeriesChart = lazy(() => import("../features/charts/TimeSeriesChart.js"));

export default function IndicatorPage({ indicatorKey, planKey }: { indicatorKey: string; planKey?: string }) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const { key } = usePlanKey(planKey);
  const { data: plan } = usePlanTree(key);
  const area = plan?.municipality.code;
  const { data: ind, error } = useEndpoint(area ? "GET /api/indicators/:id" : null, { params: { id: indicatorKey }, query: { area } });
  const canWrite = useCanWrite("indicator", ind?.id);

  if (error && !ind)
    return (
      <div className="nk-container">
        <PageHeading title={t("errors.title")}>{t("errors.title")}</PageHeading>
        <ErrorMessage error={error} />
      </div>
    );
  if (!ind || !plan)
    return (
      <div className="nk-container">
        <Loading />
      </div>
    );

  const name = ind.name[locale];
  const values = [...ind.values].sort((a, b) => comparePeriods(a.period, b.period));
  const series = numericSeries(values);
  const kind = seriesPeriodKind(series.map((p) => p.period));
  const readers = targetsReading(plan, ind.key);
  const bands: ReferenceBand[] = readers
    .map((r) =>
      referenceFor(r.target, kind, ind.aggregation, t("indicator.targetLine", { text: r.target.text }), undefined, ind.preferredTrend),
    )
    .filter((b): b is ReferenceBand => b !== null);
  const firstArea = readers[0];
  const crumbs = [{ href: hrefFor({ name: "overview", planKey }), label: t("nav.overview") }];
  if (firstArea)
    crumbs.push({
      href: hrefFor({ name: "area", planKey, number: firstArea.areaNumber }),
      label: `${firstArea.areaNumber}. ${firstArea.areaTitle}`,
    });
  const signInHref = hrefFor({ name: "signin", next: hrefFor({ name: "indicator", key: indicatorKey, planKey }) });
  const first = series[0];
  const last = series[series.length - 1];
  const chartDescription =
    first && last
      ? t("indicator.chartDescription", {
          count: series.length,
          from: periodLabel(first.period, locale),
          to: periodLabel(last.period, locale),
          last: formatIndicatorValue(last.value, ind, locale),
        })
      : "";

  return (
    <div className="nk-container nk-indicator-page">
      <Breadcrumbs items={crumbs} />
      <div className="nk-pagehead">
        <p className="nk-eyebrow">{t("indicator.eyebrow", { municipality: plan.municipality.name })}</p>
        <PageHeading title={name}>{name}</PageHeading>
        {ind.definition && <Paragraph className="nk-lead">{ind.definition[locale]}</Paragraph>}
      </div>
      <dl className="nk-facts-dl">
        <div>
          <dt>{t("indicator.unit")}</dt>
          <dd>
            {ind.format === "percent"
              ? "%"
              : ind.format === "rank"
                ? t("indicator.rankUnit")
                : unitText(ind.unit, locale) || t("indicator.countUnit")}
          </dd>
        </div>
        <div>
          <dt>{t("indicator.sourceKind")}</dt>
          <dd>{t(`sourceKind.${ind.sourceKind}`)}</dd>
        </div>
        <div>
          <dt>{t("indicator.aggregation")}</dt>
          <dd>{t(`aggregation.${ind.aggregation}`)}</dd>
        </div>
        <div>
          <dt>{t("indicator.trend")}</dt>
          <dd>{t(`trend.${ind.preferredTrend}`)}</dd>
        </div>
      </dl>

      <section aria-labelledby="chart-heading" className="nk-section">
        <Heading level={2} data-size="md" id="chart-heading">
          {t("indicator.chartHeading")}
        </Heading>
        {series.length === 0 ? (
          <Paragraph className="nk-muted">{t("indicator.noNumbers")}</Paragraph>
        ) : (
          <figure className="nk-chart-figure">
            <Suspense fallback={<div className="nk-chart-placeholder" />}>
              <TimeSeriesChart
                series={series}
                bands={bands}
                format={ind}
                title={t("indicator.chartTitle", { name, municipality: plan.municipality.name })}
                description={chartDescription}
                describedBy="values-heading"
                locale={locale}
                invert={ind.format === "rank"}
              />
            </Suspense>
            <figcaption className="nk-figure__caption">
              {bands.length > 0 ? t("indicator.chartCaptionTargets") : t("indicator.chartCaption")} {t("indicator.chartTableHint")}
            </figcaption>
          </figure>
        )}
      </section>

      {readers.length > 0 && (
        <section aria-labelledby="ind-targets-heading" className="nk-section">
          <Heading level={2} data-size="md" id="ind-targets-heading">
            {t("indicator.targetsHeading", { count: readers.length })}
          </Heading>
          <ul className="nk-target-list nk-target-list--cards">
            {readers.map((r) => (
              <li key={r.target.id}>
                <TargetItem target={r.target} planKey={planKey} showPeriods hideIndicator>
                  <p className="nk-target__where">
                    {r.measureId ? (
                      <PlainLink href={hrefFor({ name: "measure", id: r.measureId })} className="nk-link">
                        {t("indicator.inMeasure", { text: r.measureText })}
                      </PlainLink>
                    ) : (
                      <PlainLink href={hrefFor({ name: "area", planKey, number: r.areaNumber })} className="nk-link">
                        {t("indicator.inArea", { number: r.areaNumber, title: r.areaTitle })}
                      </PlainLink>
                    )}
                  </p>
                </TargetItem>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="values-heading" className="nk-section">
        <Heading level={2} data-size="md" id="values-heading">
          {t("indicator.valuesHeading")}
        </Heading>
        {values.length === 0 ? (
          <Paragraph className="nk-muted">{t("indicator.noValues")}</Paragraph>
        ) : (
          <Table className="nk-table nk-table--stack" data-size="sm" zebra>
            <caption className="nk-visually-hidden">{t("indicator.valuesCaption", { name, municipality: plan.municipality.name })}</caption>
            <TableHead>
              <TableRow>
                <TableHeaderCell>{t("indicator.col.period")}</TableHeaderCell>
                <TableHeaderCell>{t("indicator.col.value")}</TableHeaderCell>
                <TableHeaderCell>{t("indicator.col.status")}</TableHeaderCell>
                <TableHeaderCell>{t("indicator.col.source")}</TableHeaderCell>
                <TableHeaderCell>{t("indicator.col.table")}</TableHeaderCell>
                <TableHeaderCell>{t("indicator.col.recordedBy")}</TableHeaderCell>
                <TableHeaderCell>{t("indicator.col.approximate")}</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {values.map((v) => (
                <TableRow key={v.id}>
                  <TableCell data-label={t("indicator.col.period")}>{periodLabel(v.period, locale)}</TableCell>
                  <TableCell data-label={t("indicator.col.value")} className="nk-num">
                    {v.value !== null ? formatIndicatorValue(v.value, ind, locale) : "–"}
                  </TableCell>
                  <TableCell data-label={t("indicator.col.status")}>
                    {v.status ? `${v.status} (${t(`valueStatus.${v.status}`)})` : "–"}
                  </TableCell>
                  <TableCell data-label={t("indicator.col.source")}>
                    <span>
                      {v.source}
                      {v.note && <span className="nk-cell-note">{v.note}</span>}
                    </span>
                  </TableCell>
                  <TableCell data-label={t("indicator.col.table")}>{v.table ?? "–"}</TableCell>
                  <TableCell data-label={t("indicator.col.recordedBy")}>
                    {v.recordedBy === "import" ? t("indicator.recordedByImport") : v.recordedBy}
                  </TableCell>
                  <TableCell data-label={t("indicator.col.approximate")}>
                    {v.periodApproximate ? t("common.yes") : t("common.no")}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <section aria-labelledby="value-form-heading" className="nk-section nk-no-print nk-form-section">
        <Heading level={2} data-size="md" id="value-form-heading">
          {t("valueForm.heading")}
        </Heading>
        {ind.derived ? (
          <Paragraph className="nk-muted">{t("valueForm.derived")}</Paragraph>
        ) : canWrite ? (
          <IndicatorValueForm indicatorKey={ind.key} areaCode={plan.municipality.code} defaultPeriod={todayInOslo().slice(0, 4)} />
        ) : user ? (
          <Paragraph className="nk-muted">{t("valueForm.noRights")}</Paragraph>
        ) : (
          <Paragraph>
            <PlainLink href={signInHref} className="nk-link">
              {t("valueForm.signInToAdd")}
            </PlainLink>
          </Paragraph>
        )}
      </section>
    </div>
  );
}
