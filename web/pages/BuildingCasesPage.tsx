/**
 * Byggesaker: processing-time statistics for næringsbygg against the plan's 8 weeks (charts with
 * their table), the breach lists, the applications with filters, CSV import and export, and the
 * statutory deadline rules with their citations.
 */
import {
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Table,
  TableBody,
  TableCell,
  TableFoot,
  TableHead,
  TableHeaderCell,
  TableRow,
  Tag,
  Textfield,
  ToggleGroup,
} from "@digdir/designsystemet-react";
import { useState } from "react";
import { APPLICATION_TYPES } from "../../core/building-cases/types.js";
import { apiPath } from "../api.js";
import { ErrorMessage, Loading } from "../components/Feedback.js";
import { invalidate, useApi } from "../data.js";
import { CsvImport } from "../features/logs/CsvImport.js";
import { ExportLink, LogHead, LogTargets, RequireUser, SeriesFigure, usePlanTargets } from "../features/logs/LogPage.js";
import { isLogDataPath, LOG_INDICATORS } from "../features/logs/logs.js";
import { canWrite } from "../features/session/rights.js";
import { useSession } from "../features/session/session.js";
import { formatDate, formatNumber, type Locale, periodLabel } from "../format.js";
import { useI18n } from "../i18n/index.js";
import type {
  ApplicationType,
  BreachItem,
  BuildingCase,
  BuildingCaseBreaches,
  BuildingCasePeriodStats,
  BuildingCaseStats,
  DeadlineRule,
} from "../types.js";
import "../styles/logs.css";

type Period = "year" | "quarter";
const WEEK_FORMAT = { format: "decimal", unit: "weeks" };

function weeks(v: number | null | undefined, locale: Locale): string {
  return v === null || v === undefined ? "–" : formatNumber(v, locale, 1);
}

export default function BuildingCasesPage() {
  const { t } = useI18n();
  const title = t("buildingCases.title");
  return (
    <RequireUser route={{ name: "building-cases" }} title={title} lead={t("buildingCases.lead")}>
      <BuildingCases />
    </RequireUser>
  );
}

function BuildingCases() {
  const { t } = useI18n();
  const { user } = useSession();
  const editor = canWrite(user, false);
  const readers = usePlanTargets(LOG_INDICATORS["building-cases"]);
  return (
    <div className="nk-container nk-log-page">
      <LogHead title={t("buildingCases.title")} lead={t("buildingCases.lead")} />
      <Statistics />
      <LogTargets readers={readers} id="bc-targets-heading" />
      <Breaches />
      <Applications />
      {editor && (
        <section aria-labelledby="bc-import-heading" className="nk-section nk-no-print nk-form-section">
          <Heading level={2} data-size="md" id="bc-import-heading">
            {t("buildingCases.importHeading")}
          </Heading>
          <CsvImport
            id="bc-import"
            path="/api/building-cases/import"
            headingId="bc-import-heading"
            help={t("buildingCases.importHelp")}
            onImported={() => invalidate(isLogDataPath("/api/building-cases"))}
          />
        </section>
      )}
      <Rules />
    </div>
  );
}

function Statistics() {
  const { t, locale } = useI18n();
  const [period, setPeriod] = useState<Period>("year");
  const { data: stats, error } = useApi<BuildingCaseStats>(apiPath("/api/building-cases/stats", { period }));
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
          onChange={(v) => setPeriod(v as Period)}
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
      <TableHead>
        <TableRow>
          {Object.values(cols).map((c) => (
            <TableHeaderCell key={c}>{c}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHead>
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

function caseLabel(c: { caseId: string; applicationId: string }): string {
  return `${c.caseId} / ${c.applicationId}`;
}

function Breaches() {
  const { t, locale } = useI18n();
  const { data, error } = useApi<BuildingCaseBreaches>("/api/building-cases/breaches");
  return (
    <section aria-labelledby="bc-breaches-heading" className="nk-section">
      <Heading level={2} data-size="md" id="bc-breaches-heading">
        {t("buildingCases.breachesHeading")}
      </Heading>
      {error && !data ? (
        <ErrorMessage error={error} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <Paragraph className="nk-muted">{t("buildingCases.breachesAsOf", { date: formatDate(data.asOf, locale) })}</Paragraph>
          <BreachTable
            id="bc-statutory"
            items={data.statutory}
            heading={t("buildingCases.statutoryHeading", { count: data.statutory.length })}
            empty={t("buildingCases.noStatutory")}
            over={(b) => b.daysOverDeadline}
            overLabel={t("buildingCases.col.daysOverDeadline")}
          />
          <BreachTable
            id="bc-target"
            items={data.target}
            heading={t("buildingCases.targetHeading", { count: data.target.length })}
            empty={t("buildingCases.noTarget")}
            over={(b) => (b.clock ? b.clock.days - 56 : null)}
            overLabel={t("buildingCases.col.daysOverTarget")}
          />
        </>
      )}
    </section>
  );
}

function BreachTable({
  id,
  items,
  heading,
  empty,
  over,
  overLabel,
}: {
  id: string;
  items: BreachItem[];
  heading: string;
  empty: string;
  over: (b: BreachItem) => number | null;
  overLabel: string;
}) {
  const { t, locale } = useI18n();
  const cols = {
    case: t("buildingCases.col.case"),
    type: t("buildingCases.col.type"),
    address: t("buildingCases.col.address"),
    start: t("buildingCases.col.clockStart"),
    decision: t("buildingCases.col.decision"),
    weeks: t("buildingCases.col.weeks"),
    deadline: t("buildingCases.col.deadline"),
    over: overLabel,
  };
  return (
    <>
      <Heading level={3} data-size="xs" id={`${id}-heading`} className="nk-subheading">
        {heading}
      </Heading>
      {items.length === 0 ? (
        <Paragraph className="nk-muted">{empty}</Paragraph>
      ) : (
        <Table className="nk-table nk-table--stack" data-size="sm" zebra aria-labelledby={`${id}-heading`}>
          <TableHead>
            <TableRow>
              {Object.values(cols).map((c) => (
                <TableHeaderCell key={c}>{c}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((b) => (
              <TableRow key={b.id}>
                <TableCell data-label={cols.case}>{caseLabel(b)}</TableCell>
                <TableCell data-label={cols.type}>{t(`buildingCases.type.${b.applicationType}`)}</TableCell>
                <TableCell data-label={cols.address}>{b.address ?? "–"}</TableCell>
                <TableCell data-label={cols.start}>
                  {b.clock ? (
                    <span>
                      {formatDate(b.clock.startDate, locale)}
                      {b.clock.startedFrom === "received" && <span className="nk-cell-note">{t("buildingCases.fromReceivedNote")}</span>}
                    </span>
                  ) : (
                    "–"
                  )}
                </TableCell>
                <TableCell data-label={cols.decision}>
                  {b.decisionDate ? formatDate(b.decisionDate, locale) : t("buildingCases.undecided")}
                </TableCell>
                <TableCell data-label={cols.weeks} className="nk-num">
                  {weeks(b.clock?.weeks, locale)}
                </TableCell>
                <TableCell data-label={cols.deadline} className="nk-nowrap">
                  {b.deadline.weeks !== null ? t("buildingCases.weeks", { count: b.deadline.weeks }) : t("buildingCases.noDeadline")}
                </TableCell>
                <TableCell data-label={cols.over} className="nk-num">
                  {over(b) !== null ? formatNumber(over(b) as number, locale, 0) : "–"}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}

function Applications() {
  const { t, locale } = useI18n();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [type, setType] = useState<ApplicationType | "">("");
  const [commercial, setCommercial] = useState<"" | "true" | "false">("true");
  const filter = { from, to, type, commercial };
  const { data: cases, error } = useApi<BuildingCase[]>(apiPath("/api/building-cases", filter));
  // Every row says "Ja" when only commercial buildings are listed: the column is left out then.
  const showCommercial = commercial !== "true";
  const cols = {
    case: t("buildingCases.col.case"),
    type: t("buildingCases.col.type"),
    ...(showCommercial ? { commercial: t("buildingCases.col.commercial") } : {}),
    address: t("buildingCases.col.address"),
    received: t("buildingCases.col.received"),
    complete: t("buildingCases.col.complete"),
    decision: t("buildingCases.col.decision"),
    weeks: t("buildingCases.col.weeks"),
    deadline: t("buildingCases.col.deadline"),
    notes: t("buildingCases.col.notes"),
  };
  return (
    <section aria-labelledby="bc-list-heading" className="nk-section">
      <div className="nk-section__head">
        <Heading level={2} data-size="md" id="bc-list-heading">
          {t("buildingCases.listHeading")}
        </Heading>
        <ExportLink href={apiPath("/api/building-cases/export.csv", filter)}>{t("buildingCases.export")}</ExportLink>
      </div>
      <fieldset className="nk-filters nk-no-print">
        <legend className="nk-visually-hidden">{t("buildingCases.filters")}</legend>
        <Textfield id="bc-from" type="date" label={t("buildingCases.filterFrom")} value={from} onChange={(e) => setFrom(e.target.value)} />
        <Textfield id="bc-to" type="date" label={t("buildingCases.filterTo")} value={to} onChange={(e) => setTo(e.target.value)} />
        <Field>
          <Label htmlFor="bc-type">{t("buildingCases.col.type")}</Label>
          <Select id="bc-type" value={type} onChange={(e) => setType(e.target.value as ApplicationType | "")} width="auto">
            <Select.Option value="">{t("buildingCases.allTypes")}</Select.Option>
            {APPLICATION_TYPES.map((a) => (
              <Select.Option key={a} value={a}>
                {t(`buildingCases.type.${a}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="bc-commercial">{t("buildingCases.col.commercial")}</Label>
          <Select
            id="bc-commercial"
            value={commercial}
            onChange={(e) => setCommercial(e.target.value as "" | "true" | "false")}
            width="auto"
          >
            <Select.Option value="">{t("buildingCases.allBuildings")}</Select.Option>
            <Select.Option value="true">{t("buildingCases.commercialOnly")}</Select.Option>
            <Select.Option value="false">{t("buildingCases.nonCommercial")}</Select.Option>
          </Select>
        </Field>
      </fieldset>
      {error && !cases ? (
        <ErrorMessage error={error} />
      ) : !cases ? (
        <Loading />
      ) : cases.length === 0 ? (
        <Paragraph className="nk-muted">{t("buildingCases.noCases")}</Paragraph>
      ) : (
        <Table className="nk-table nk-table--stack" data-size="sm" zebra>
          <caption className="nk-table__caption" aria-live="polite">
            {t("buildingCases.listCaption", { count: cases.length })}
          </caption>
          <TableHead>
            <TableRow>
              {Object.values(cols).map((c) => (
                <TableHeaderCell key={c}>{c}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {cases.map((c) => (
              <TableRow key={c.id}>
                <TableCell data-label={cols.case}>{caseLabel(c)}</TableCell>
                <TableCell data-label={cols.type}>{t(`buildingCases.type.${c.applicationType}`)}</TableCell>
                {showCommercial && <TableCell data-label={cols.commercial}>{c.commercial ? t("common.yes") : t("common.no")}</TableCell>}
                <TableCell data-label={cols.address}>{c.address ?? "–"}</TableCell>
                <TableCell data-label={cols.received}>{formatDate(c.receivedDate, locale)}</TableCell>
                <TableCell data-label={cols.complete}>{c.completeDate ? formatDate(c.completeDate, locale) : "–"}</TableCell>
                <TableCell data-label={cols.decision}>
                  {c.decisionDate ? formatDate(c.decisionDate, locale) : t("buildingCases.undecided")}
                </TableCell>
                <TableCell data-label={cols.weeks} className="nk-num">
                  {c.clock ? (
                    <span>
                      {weeks(c.clock.weeks, locale)}
                      {!c.clock.decided && <span className="nk-cell-note">{t("buildingCases.soFar")}</span>}
                    </span>
                  ) : (
                    "–"
                  )}
                </TableCell>
                <TableCell data-label={cols.deadline} className="nk-nowrap">
                  {c.deadline.weeks !== null ? t("buildingCases.weeks", { count: c.deadline.weeks }) : t("buildingCases.noDeadline")}
                </TableCell>
                <TableCell data-label={cols.notes}>
                  <CaseTags c={c} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

function CaseTags({ c }: { c: BuildingCase }) {
  const { t } = useI18n();
  const tags: { key: string; color: "danger" | "warning" | "info"; text: string }[] = [];
  if (c.statutoryBreach) tags.push({ key: "s", color: "danger", text: t("buildingCases.tag.statutory") });
  if (c.targetBreach) tags.push({ key: "t", color: "warning", text: t("buildingCases.tag.overTarget") });
  if (c.countsForTarget) tags.push({ key: "c", color: "info", text: t("buildingCases.tag.counted") });
  if (tags.length === 0) return <>–</>;
  return (
    <span className="nk-tags">
      {tags.map((x) => (
        <Tag key={x.key} data-color={x.color} data-size="sm" variant="outline">
          {x.text}
        </Tag>
      ))}
    </span>
  );
}

function Rules() {
  const { t, locale } = useI18n();
  const { data: rules, error } = useApi<DeadlineRule[]>("/api/building-cases/rules");
  const cols = {
    condition: t("buildingCases.rules.condition"),
    types: t("buildingCases.rules.types"),
    weeks: t("buildingCases.rules.deadline"),
    valid: t("buildingCases.rules.valid"),
    citation: t("buildingCases.rules.citation"),
    consequence: t("buildingCases.rules.consequence"),
  };
  return (
    <section aria-labelledby="bc-rules-heading" className="nk-section">
      <Heading level={2} data-size="md" id="bc-rules-heading">
        {t("buildingCases.rules.heading")}
      </Heading>
      <Paragraph className="nk-muted">{t("buildingCases.rules.intro")}</Paragraph>
      {error && !rules ? (
        <ErrorMessage error={error} />
      ) : !rules ? (
        <Loading />
      ) : (
        <Table className="nk-table nk-table--stack nk-rules" data-size="sm" zebra>
          <caption className="nk-visually-hidden">{t("buildingCases.rules.heading")}</caption>
          <TableHead>
            <TableRow>
              {Object.values(cols).map((c) => (
                <TableHeaderCell key={c}>{c}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rules.map((r) => (
              <TableRow key={r.id}>
                <TableCell data-label={cols.condition}>
                  <span>
                    {r.condition[locale]}
                    <span className="nk-cell-note">
                      <code>{r.id}</code>
                    </span>
                  </span>
                </TableCell>
                <TableCell data-label={cols.types}>{r.types.map((a) => t(`buildingCases.type.${a}`)).join(", ")}</TableCell>
                <TableCell data-label={cols.weeks} className="nk-nowrap">
                  {r.weeks !== null ? t("buildingCases.weeks", { count: r.weeks }) : t("buildingCases.noDeadline")}
                </TableCell>
                <TableCell data-label={cols.valid}>
                  {r.validTo
                    ? t("buildingCases.rules.between", { from: formatDate(r.validFrom, locale), to: formatDate(r.validTo, locale) })
                    : t("buildingCases.rules.from", { from: formatDate(r.validFrom, locale) })}
                </TableCell>
                <TableCell data-label={cols.citation}>
                  <span>
                    <span lang="nb">{r.citation}</span>
                    {!r.verified && (
                      <Tag data-color="warning" data-size="sm" variant="outline" className="nk-rule-unverified">
                        {t("buildingCases.rules.unverified")}
                      </Tag>
                    )}
                  </span>
                </TableCell>
                <TableCell data-label={cols.consequence}>
                  <span lang="nb">{r.consequence}</span>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
