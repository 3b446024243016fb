/**
 * The headline figures of a municipality, each saying which register and rule it counts by, and
 * "Om tallene": every figure's rule and every snapshot's date and source (provenance).
 */
import { Card, Heading, Paragraph } from "@digdir/designsystemet-react";
import { formatDate } from "../../format.js";
import { useI18n } from "../../i18n/index.js";
import type { Analysis, SnapshotRef } from "../../types.js";
import { num, pct, Section, useSnapshotText } from "./shared.js";

function Kpi({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Card className="nk-kpi" data-color="neutral">
      <Heading level={3} data-size="2xs" className="nk-kpi__label">
        {label}
      </Heading>
      <p className="nk-kpi__value">{value}</p>
      {note && <p className="nk-kpi__note">{note}</p>}
    </Card>
  );
}

export function Headline({ analysis, idPrefix }: { analysis: Analysis; idPrefix: string }) {
  const { t, locale } = useI18n();
  const { firms, employment } = analysis;
  const firmDate = firms ? formatDate(firms.snapshot.asOf, locale) : "";
  const unitDate = employment ? formatDate(employment.snapshot.asOf, locale) : "";
  return (
    <Section id={`${idPrefix}-headline-heading`} title={t("register.headline.heading", { area: analysis.area.name })}>
      <div className="nk-kpis nk-register__kpis">
        {firms ? (
          <>
            <Kpi
              label={t("register.headline.firms")}
              value={num(firms.total, locale)}
              note={t("register.headline.firmsNote", { date: firmDate })}
            />
            <Kpi
              label={t("register.headline.kisShare")}
              value={pct(firms.knowledgeIntensiveShare, locale)}
              note={t("register.headline.kisNote", { count: firms.knowledgeIntensive, n: num(firms.knowledgeIntensive, locale) })}
            />
          </>
        ) : (
          <Kpi label={t("register.headline.firms")} value="–" note={t("register.headline.noFirms")} />
        )}
        {employment ? (
          <>
            <Kpi
              label={t("register.headline.units")}
              value={num(employment.units, locale)}
              note={t("register.headline.unitsNote", { date: unitDate })}
            />
            <Kpi
              label={t("register.headline.employees5plus")}
              value={num(employment.employees5plus, locale)}
              note={t("register.headline.employeesNote", {
                count: employment.units1to4,
                n: num(employment.units1to4, locale),
                low: num(employment.employeesRange[0], locale),
                high: num(employment.employeesRange[1], locale),
              })}
            />
            <Kpi
              label={t("register.headline.over100")}
              value={num(employment.over100, locale)}
              note={t("register.headline.over250", { n: num(employment.over250, locale) })}
            />
            <Kpi
              label={t("register.headline.kisEmployees")}
              value={pct(employment.knowledgeIntensiveEmployeeShare, locale)}
              note={t("register.headline.kisEmployeesNote")}
            />
          </>
        ) : (
          <Kpi label={t("register.headline.units")} value="–" note={t("register.headline.noUnits")} />
        )}
      </div>
    </Section>
  );
}

/** "Om tallene": the rule each figure uses and the snapshots behind the page. */
export function AboutFigures({ analysis, idPrefix }: { analysis: Analysis; idPrefix: string }) {
  const { t, locale } = useI18n();
  const source = useSnapshotText();
  const used = new Map<number, SnapshotRef>();
  for (const s of [analysis.firms?.snapshot, analysis.employment?.snapshot, ...analysis.trend.map((x) => x.snapshot)])
    if (s) used.set(s.id, s);
  const snapshots = [...used.values()].sort((a, b) => a.asOf.localeCompare(b.asOf) || a.id - b.id);
  const predecessors = analysis.area.predecessors;
  return (
    <Section id={`${idPrefix}-about-heading`} title={t("register.about.heading")}>
      <dl className="nk-register__rules">
        <dt>{t("register.about.firmsTerm")}</dt>
        <dd>{t("register.about.firms")}</dd>
        <dt>{t("register.about.employmentTerm")}</dt>
        <dd>{t("register.about.employment")}</dd>
        <dt>{t("register.about.smallTerm")}</dt>
        <dd>{t("register.about.small")}</dd>
        <dt>{t("register.about.kisTerm")}</dt>
        <dd>{t("register.about.kis")}</dd>
        <dt>{t("register.about.standardsTerm")}</dt>
        <dd>{t("register.about.standards")}</dd>
        <dt>{t("register.about.topTerm")}</dt>
        <dd>{t("register.about.top")}</dd>
        <dt>{t("register.about.registrationsTerm")}</dt>
        <dd>{t("register.about.registrations")}</dd>
        <dt>{t("register.about.survivalTerm")}</dt>
        <dd>{t("register.about.survival")}</dd>
        <dt>{t("register.about.bordersTerm")}</dt>
        <dd>
          {predecessors.length > 0
            ? t("register.about.bordersWith", { area: analysis.area.name, codes: predecessors.join(", ") })
            : t("register.about.borders")}
        </dd>
        <dt>{t("register.about.extractsTerm")}</dt>
        <dd>{t("register.about.extracts")}</dd>
      </dl>
      <Heading level={3} data-size="xs" className="nk-subheading">
        {t("register.about.snapshotsHeading")}
      </Heading>
      {snapshots.length === 0 ? (
        <Paragraph className="nk-muted">{t("register.empty.noSnapshots")}</Paragraph>
      ) : (
        <ul className="nk-register__provenance">
          {snapshots.map((s) => (
            <li key={s.id}>
              {source(s)} — {t("register.about.source", { source: s.source })}
            </li>
          ))}
        </ul>
      )}
      <Paragraph className="nk-muted" data-size="sm">
        {t("register.about.asOf", { date: formatDate(analysis.asOf, locale) })}
      </Paragraph>
    </Section>
  );
}
