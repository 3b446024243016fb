/**
 * The structure of a municipality's business life: firms by industry section (each standard on
 * its own, never merged), employment by section and the size classes — each a bar chart with a
 * table holding the same numbers.
 */
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { formatDate } from "../../format.js";
import { useI18n } from "../../i18n/index.js";
import type { Breakdown, EmploymentFigures, FirmFigures } from "../../types.js";
import { BarChart } from "./BarChart.js";
import { type Column, DataTable } from "./DataTable.js";
import { byStandard, type Standard, sectionLetter, sizeClassLabel } from "./figures.js";
import { num, pct, Section, useSnapshotText } from "./shared.js";

function sectionName(b: Breakdown): string {
  const letter = sectionLetter(b.key);
  return letter ? `${letter} ${b.label}` : b.label;
}

/** A chart beside its table. */
function ChartAndTable({ chart, table }: { chart: ReactNode; table: ReactNode }) {
  return (
    <div className="nk-register__pair">
      <figure className="nk-chart-figure nk-log-chart">{chart}</figure>
      <div className="nk-register__table">{table}</div>
    </div>
  );
}

function standardTitle(t: (k: string, o?: Record<string, unknown>) => string, standard: Standard | null): string {
  return standard ? t("register.standard", { standard }) : t("register.standardUnknown");
}

/**
 * Sections of one figure, a chart and a table per industry standard (SN2007 and SN2025 are never
 * merged: a letter means different things in each), with a subheading when there are several.
 */
function SectionsByStandard({
  groups,
  idPrefix,
  chartTitle,
  tableCaption,
  value,
  columns,
}: {
  groups: ReturnType<typeof byStandard>;
  idPrefix: string;
  chartTitle: (standard: string) => string;
  tableCaption: (standard: string) => string;
  value: (r: Breakdown) => number;
  columns: Column<Breakdown>[];
}) {
  const { t, locale } = useI18n();
  return groups.map((g, i) => {
    const captionId = `${idPrefix}-${i}`;
    const standard = standardTitle(t, g.standard);
    return (
      <div key={g.standard ?? "unknown"}>
        {groups.length > 1 && (
          <Heading level={3} data-size="xs" className="nk-subheading">
            {standard}
          </Heading>
        )}
        <ChartAndTable
          chart={
            <BarChart
              title={chartTitle(standard)}
              describedBy={captionId}
              items={g.rows.map((r) => ({ key: r.key, label: sectionName(r), value: value(r), text: num(value(r), locale) }))}
            />
          }
          table={
            <DataTable
              caption={tableCaption(standard)}
              captionId={captionId}
              rows={g.rows}
              rowKey={(r) => r.key}
              columns={[{ label: t("register.col.section"), cell: sectionName }, ...columns]}
            />
          }
        />
      </div>
    );
  });
}

export function FirmsBySection({ firms, idPrefix }: { firms: FirmFigures; idPrefix: string }) {
  const { t, locale } = useI18n();
  const source = useSnapshotText();
  const date = formatDate(firms.snapshot.asOf, locale);
  const title = (standard: string) => t("register.firms.chartTitle", { standard, date });
  return (
    <Section id={`${idPrefix}-firms-heading`} title={t("register.firms.heading")} source={source(firms.snapshot)}>
      <Paragraph className="nk-muted">{t("register.firms.intro")}</Paragraph>
      <SectionsByStandard
        groups={byStandard(firms.bySection, firms.snapshot.naceVersion)}
        idPrefix={`${idPrefix}-firms-table`}
        chartTitle={title}
        tableCaption={title}
        value={(r) => r.entities}
        columns={[
          { label: t("register.col.firms"), cell: (r) => num(r.entities, locale), num: true },
          { label: t("register.col.share"), cell: (r) => pct(r.share, locale), num: true },
        ]}
      />
      {firms.unknownIndustry > 0 && (
        <Paragraph className="nk-register__note">
          {t("register.firms.unknownIndustry", { count: firms.unknownIndustry, n: num(firms.unknownIndustry, locale) })}
        </Paragraph>
      )}
    </Section>
  );
}

export function EmploymentBySection({ employment, idPrefix }: { employment: EmploymentFigures; idPrefix: string }) {
  const { t, locale } = useI18n();
  const source = useSnapshotText();
  const date = formatDate(employment.snapshot.asOf, locale);
  return (
    <Section id={`${idPrefix}-employment-heading`} title={t("register.employment.heading")} source={source(employment.snapshot)}>
      <Paragraph className="nk-muted">{t("register.employment.intro")}</Paragraph>
      <SectionsByStandard
        groups={byStandard(employment.bySection, employment.snapshot.naceVersion)}
        idPrefix={`${idPrefix}-employment-table`}
        chartTitle={(standard) => t("register.employment.chartTitle", { standard, date })}
        tableCaption={(standard) => t("register.employment.tableCaption", { standard, date })}
        value={(r) => r.employees5plus}
        columns={[
          { label: t("register.col.units"), cell: (r) => num(r.entities, locale), num: true },
          { label: t("register.col.employees5plus"), cell: (r) => num(r.employees5plus, locale), num: true },
          { label: t("register.col.units1to4"), cell: (r) => num(r.units1to4, locale), num: true },
        ]}
      />
    </Section>
  );
}

export function SizeClasses({ employment, idPrefix }: { employment: EmploymentFigures; idPrefix: string }) {
  const { t, locale } = useI18n();
  const source = useSnapshotText();
  const captionId = `${idPrefix}-size-table`;
  const date = formatDate(employment.snapshot.asOf, locale);
  const label = (c: string) => {
    if (c.endsWith("+")) return t("register.size.atLeast", { n: c.slice(0, -1) });
    const l = sizeClassLabel(c);
    return l === null ? t("register.size.unknown") : t("register.size.class", { range: l });
  };
  const rows = employment.sizeClasses.filter((c) => c.sizeClass !== "unknown" || c.units > 0);
  const title = t("register.size.chartTitle", { date });
  return (
    <Section id={`${idPrefix}-size-heading`} title={t("register.size.heading")} source={source(employment.snapshot)}>
      <Paragraph className="nk-muted">{t("register.size.intro")}</Paragraph>
      <ChartAndTable
        chart={
          <BarChart
            title={title}
            describedBy={captionId}
            items={rows.map((r) => ({ key: r.sizeClass, label: label(r.sizeClass), value: r.units, text: num(r.units, locale) }))}
          />
        }
        table={
          <DataTable
            caption={title}
            captionId={captionId}
            rows={rows}
            rowKey={(r) => r.sizeClass}
            columns={[
              { label: t("register.col.sizeClass"), cell: (r) => label(r.sizeClass) },
              { label: t("register.col.units"), cell: (r) => num(r.units, locale), num: true },
            ]}
          />
        }
      />
    </Section>
  );
}
