/**
 * The largest employers (linking to each company's page), the municipality against the plan's
 * peers and the country, and the trend across snapshots.
 */
import { Paragraph } from "@digdir/designsystemet-react";
import { PlainLink } from "../../components/AppLink.js";
import { formatDate } from "../../format.js";
import { useI18n } from "../../i18n/index.js";
import { hrefFor } from "../../router.js";
import type { Analysis, AreaSummary, TopEmployerRow } from "../../types.js";
import { SeriesFigure } from "../logs/LogPage.js";
import { DataTable } from "./DataTable.js";
import { num, pct, Section } from "./shared.js";

const COUNT_FORMAT = { format: "integer", unit: "count" };

export function TopEmployersSection({
  top,
  idPrefix,
  areaName,
}: {
  top: NonNullable<Analysis["topEmployers"]>;
  idPrefix: string;
  areaName: string;
}) {
  const { t, locale } = useI18n();
  return (
    <Section
      id={`${idPrefix}-top-heading`}
      title={t("register.top.heading", { count: top.rows.length })}
      source={t("register.top.source", { date: formatDate(top.asOf, locale) })}
    >
      <Paragraph className="nk-muted">{t("register.top.intro", { area: areaName })}</Paragraph>
      {top.rows.length === 0 ? (
        <Paragraph className="nk-register__empty">{t("register.top.none")}</Paragraph>
      ) : (
        <DataTable<TopEmployerRow>
          caption={t("register.top.caption", { area: areaName, date: formatDate(top.asOf, locale) })}
          rows={top.rows}
          rowKey={(r) => r.orgnr}
          columns={[
            { label: t("register.col.rank"), cell: (r) => `${r.rank}.`, num: true },
            {
              label: t("register.col.company"),
              cell: (r) => (
                <PlainLink href={hrefFor({ name: "company", orgnr: r.orgnr })} className="nk-link">
                  {r.name}
                </PlainLink>
              ),
            },
            { label: t("register.col.orgnr"), cell: (r) => r.orgnr },
            { label: t("register.col.employeesHere"), cell: (r) => num(r.employees, locale), num: true },
            { label: t("register.col.unitsHere"), cell: (r) => num(r.unitsCount, locale), num: true },
            { label: t("register.col.unitsSmall"), cell: (r) => num(r.unitsSmall, locale), num: true },
          ]}
        />
      )}
      {top.excludedPublic > 0 && (
        <Paragraph className="nk-register__note">{t("register.top.excludedPublic", { count: top.excludedPublic })}</Paragraph>
      )}
    </Section>
  );
}

export function PeersSection({ analysis, idPrefix }: { analysis: Analysis; idPrefix: string }) {
  const { t, locale } = useI18n();
  const here: AreaSummary = {
    code: analysis.area.code,
    name: analysis.area.name,
    firms: analysis.firms?.total ?? null,
    knowledgeIntensiveShare: analysis.firms?.knowledgeIntensiveShare ?? null,
    units: analysis.employment?.units ?? null,
    employees5plus: analysis.employment?.employees5plus ?? null,
    over100: analysis.employment?.over100 ?? null,
    over250: analysis.employment?.over250 ?? null,
  };
  const rows: (AreaSummary & { role: "self" | "peer" | "national" })[] = [
    { ...here, role: "self" },
    ...analysis.peers.map((p) => ({ ...p, role: "peer" as const })),
    ...(analysis.national ? [{ ...analysis.national, role: "national" as const, name: t("register.scopeNational") }] : []),
  ];
  return (
    <Section id={`${idPrefix}-peers-heading`} title={t("register.peers.heading")}>
      <Paragraph className="nk-muted">{t("register.peers.intro")}</Paragraph>
      <DataTable
        caption={t("register.peers.caption", { area: analysis.area.name })}
        rows={rows}
        rowKey={(r) => `${r.role}-${r.code}`}
        rowClass={(r) => (r.role === "self" ? "nk-register__row--self" : r.role === "national" ? "nk-table__total" : undefined)}
        columns={[
          { label: t("register.col.municipality"), cell: (r) => (r.role === "national" ? r.name : `${r.name} (${r.code})`) },
          { label: t("register.col.firms"), cell: (r) => num(r.firms, locale), num: true },
          { label: t("register.col.kisShare"), cell: (r) => pct(r.knowledgeIntensiveShare, locale), num: true },
          { label: t("register.col.units"), cell: (r) => num(r.units, locale), num: true },
          { label: t("register.col.employees5plus"), cell: (r) => num(r.employees5plus, locale), num: true },
          { label: t("register.col.over100"), cell: (r) => num(r.over100, locale), num: true },
          { label: t("register.col.over250"), cell: (r) => num(r.over250, locale), num: true },
        ]}
      />
      {!analysis.national && <Paragraph className="nk-register__note">{t("register.peers.noNational")}</Paragraph>}
    </Section>
  );
}

export function TrendSection({ analysis, idPrefix }: { analysis: Analysis; idPrefix: string }) {
  const { t, locale } = useI18n();
  const captionId = `${idPrefix}-trend-table`;
  const trend = analysis.trend;
  const firms = trend.flatMap((s) =>
    s.snapshot.kind === "enheter" && s.summary.firms !== null ? [{ period: s.snapshot.asOf, value: s.summary.firms }] : [],
  );
  const units = trend.flatMap((s) =>
    s.snapshot.kind === "underenheter" && s.summary.units !== null ? [{ period: s.snapshot.asOf, value: s.summary.units }] : [],
  );
  const describe = (series: { period: string; value: number }[]) => {
    const a = series[0];
    const b = series.at(-1);
    return a && b
      ? t("register.trend.chartDescription", {
          from: formatDate(a.period, locale),
          to: formatDate(b.period, locale),
          first: num(a.value, locale),
          last: num(b.value, locale),
        })
      : "";
  };
  return (
    <Section id={`${idPrefix}-trend-heading`} title={t("register.trend.heading")}>
      <Paragraph className="nk-muted">{t("register.trend.intro")}</Paragraph>
      {trend.length === 0 ? (
        <Paragraph className="nk-register__empty">{t("register.trend.none")}</Paragraph>
      ) : (
        <>
          {(firms.length > 1 || units.length > 1) && (
            <div className="nk-chart-pair">
              {firms.length > 1 && (
                <SeriesFigure
                  series={firms}
                  format={COUNT_FORMAT}
                  title={t("register.trend.firmsChart")}
                  description={describe(firms)}
                  caption={t("register.trend.firmsChart")}
                  tableId={captionId}
                  locale={locale}
                />
              )}
              {units.length > 1 && (
                <SeriesFigure
                  series={units}
                  format={COUNT_FORMAT}
                  title={t("register.trend.unitsChart")}
                  description={describe(units)}
                  caption={t("register.trend.unitsChart")}
                  tableId={captionId}
                  locale={locale}
                />
              )}
            </div>
          )}
          <DataTable
            caption={t("register.trend.caption", { area: analysis.area.name })}
            captionId={captionId}
            rows={trend}
            rowKey={(s) => String(s.snapshot.id)}
            columns={[
              { label: t("register.col.date"), cell: (s) => formatDate(s.snapshot.asOf, locale) },
              { label: t("register.col.register"), cell: (s) => t(`register.kind.${s.snapshot.kind}`) },
              { label: t("register.col.standard"), cell: (s) => s.snapshot.naceVersion ?? "–" },
              { label: t("register.col.firms"), cell: (s) => num(s.summary.firms, locale), num: true },
              { label: t("register.col.kisShare"), cell: (s) => pct(s.summary.knowledgeIntensiveShare, locale), num: true },
              { label: t("register.col.units"), cell: (s) => num(s.summary.units, locale), num: true },
              { label: t("register.col.employees5plus"), cell: (s) => num(s.summary.employees5plus, locale), num: true },
              { label: t("register.col.over250"), cell: (s) => num(s.summary.over250, locale), num: true },
            ]}
          />
          {(firms.length < 2 || units.length < 2) && <Paragraph className="nk-register__note">{t("register.trend.needTwo")}</Paragraph>}
        </>
      )}
    </Section>
  );
}
