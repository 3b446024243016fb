/** A focus area: summary, facts with their indicators' latest values, goals with targets, measures. */
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { Fragment, useEffect } from "react";
import { PlainLink } from "../components/AppLink.js";
import { Breadcrumbs } from "../components/Breadcrumbs.js";
import { ErrorMessage, Loading } from "../components/Feedback.js";
import { Icon } from "../components/Icon.js";
import { PageHeading } from "../components/PageHeading.js";
import { Progress } from "../components/Progress.js";
import { MeasureStatusTag } from "../components/StatusTag.js";
import { SparkLine } from "../features/charts/SparkLine.js";
import { numericSeries } from "../features/charts/scale.js";
import { latestValue } from "../features/indicators/latest.js";
import { groupFacts } from "../features/plan/facts.js";
import { usePlanIndicators, usePlanKey, usePlanTree } from "../features/plan/plans.js";
import { TargetItem } from "../features/plan/TargetItem.js";
import { StatusSummary } from "../features/status/StatusSummary.js";
import { formatDate, formatIndicatorValue, periodLabel, shortPeriodLabel } from "../format.js";
import { useI18n } from "../i18n/index.js";
import { hrefFor } from "../router.js";
import type { Fact, PlanIndicator } from "../types.js";

/** The plan's demand for new commercial floor space: the land bank answers whether there is room for it. */
const LAND_DEMAND_INDICATOR = "commercial-floor-space-new-m2";

function FactIndicator({ indicator, planKey }: { indicator: PlanIndicator; planKey?: string }) {
  const { t, locale } = useI18n();
  const latest = latestValue(indicator.values);
  const series = numericSeries(indicator.values);
  const name = indicator.name[locale];
  return (
    <li className="nk-fact-indicator">
      <PlainLink href={hrefFor({ name: "indicator", key: indicator.key, planKey })} className="nk-link nk-fact-indicator__name">
        {name}
      </PlainLink>
      {latest ? (
        <span className="nk-fact-indicator__value">
          <strong>
            {latest.value !== null ? formatIndicatorValue(latest.value, indicator, locale) : t(`valueStatus.${latest.status ?? ".."}`)}
          </strong>{" "}
          <span className="nk-muted">
            ({periodLabel(latest.period, locale)}
            {latest.periodApproximate ? `, ${t("indicator.periodApproximateShort")}` : ""})
          </span>
        </span>
      ) : (
        <span className="nk-fact-indicator__value nk-muted">{t("indicator.noValues")}</span>
      )}
      {series.length > 1 && (
        <SparkLine
          label={name}
          values={series.map((p) => ({
            label: shortPeriodLabel(p.period, locale),
            value: p.value,
            text: formatIndicatorValue(p.value, indicator, locale),
          }))}
        />
      )}
      {latest && (
        <span className="nk-fact-indicator__source">
          {t("indicator.sourceLabel")}: {latest.source}
          {latest.table ? `, ${latest.table}` : ""}
        </span>
      )}
    </li>
  );
}

function FactItem({ fact, indicators, planKey }: { fact: Fact; indicators: Map<string, PlanIndicator>; planKey?: string }) {
  const list = fact.indicators.map((k) => indicators.get(k)).filter((x): x is PlanIndicator => !!x);
  return (
    <li className="nk-fact">
      <p className="nk-fact__text">{fact.text}</p>
      {list.length > 0 && (
        <ul className="nk-fact__indicators">
          {list.map((i) => (
            <FactIndicator key={i.key} indicator={i} planKey={planKey} />
          ))}
        </ul>
      )}
    </li>
  );
}

export default function FocusAreaPage({ planKey, number }: { planKey?: string; number: number }) {
  const { t, locale } = useI18n();
  const { key } = usePlanKey(planKey);
  const { data: plan, error } = usePlanTree(key);
  const indicators = usePlanIndicators(key);
  const loaded = !!plan;
  // A link to a goal ("#mal-a1-g1", from search) scrolls to it once the page has rendered.
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (loaded && id) document.getElementById(id)?.scrollIntoView({ block: "start" });
  }, [loaded]);
  if (error && !plan)
    return (
      <div className="nk-container">
        <PageHeading title={t("errors.title")}>{t("errors.title")}</PageHeading>
        <ErrorMessage error={error} />
      </div>
    );
  if (!plan)
    return (
      <div className="nk-container">
        <Loading />
      </div>
    );
  const area = plan.focusAreas.find((a) => a.number === number);
  if (!area)
    return (
      <div className="nk-container">
        <PageHeading title={t("errors.notFoundTitle")}>{t("errors.notFoundTitle")}</PageHeading>
        <Paragraph>{t("area.notFound", { number })}</Paragraph>
      </div>
    );
  const byKey = new Map((indicators.data ?? []).map((i) => [i.key, i]));
  const overviewHref = hrefFor({ name: "overview", planKey });
  const groups = groupFacts(area.facts);
  const allTargets = area.targets.length + area.goals.reduce((n, g) => n + g.targets.length, 0);
  // Areas whose targets are about new floor space for business link to the land bank.
  const aboutLand = [...area.targets, ...area.goals.flatMap((g) => g.targets)].some((tg) => tg.indicator === LAND_DEMAND_INDICATOR);

  return (
    <div className="nk-container nk-area">
      <Breadcrumbs items={[{ href: overviewHref, label: t("nav.overview") }]} />
      <div className="nk-pagehead">
        <p className="nk-eyebrow">{t("area.eyebrow", { number: area.number })}</p>
        <PageHeading title={`${area.number}. ${area.title}`}>
          <span className="nk-visually-hidden">{t("area.numberPrefix", { number: area.number })} </span>
          {area.title}
        </PageHeading>
        <p className="nk-meta">{t("overview.asOf", { date: formatDate(plan.asOf, locale) })}</p>
      </div>
      <div className="nk-columns">
        <div className="nk-columns__main">
          <Paragraph className="nk-lead" variant="long">
            {area.summary}
          </Paragraph>
          {aboutLand && (
            <Paragraph className="nk-area__land">
              <Icon name="map" />{" "}
              <PlainLink href={hrefFor({ name: "land-bank" })} className="nk-link">
                {t("area.landBankLink")}
              </PlainLink>
            </Paragraph>
          )}
        </div>
        <aside className="nk-columns__side nk-area__status" aria-labelledby="area-status-heading">
          <Heading level={2} data-size="xs" id="area-status-heading">
            {t("area.statusHeading")}
          </Heading>
          <p className="nk-area-card__label">
            {t("overview.targetsCount", { count: Object.values(area.counts.targets).reduce((a, b) => a + b, 0) })}
          </p>
          <StatusSummary kind="targets" counts={area.counts.targets} compact />
          <p className="nk-area-card__label">{t("overview.measuresCount", { count: area.measures.length })}</p>
          <StatusSummary kind="measures" counts={area.counts.measures} compact />
        </aside>
      </div>

      <section aria-labelledby="facts-heading" className="nk-section">
        <Heading level={2} data-size="md" id="facts-heading">
          {t("area.factsHeading")}
        </Heading>
        {area.facts.length === 0 && <Paragraph className="nk-muted">{t("area.noFacts")}</Paragraph>}
        {groups.map((g) => (
          <Fragment key={g.facts[0]?.key ?? g.group}>
            {g.group && (
              <Heading level={3} data-size="xs" className="nk-fact-group">
                {g.group}
              </Heading>
            )}
            <ul className="nk-facts">
              {g.facts.map((f) => (
                <FactItem key={f.key} fact={f} indicators={byKey} planKey={planKey} />
              ))}
            </ul>
          </Fragment>
        ))}
        {indicators.error && <ErrorMessage error={indicators.error} />}
      </section>

      <section aria-labelledby="goals-heading" className="nk-section">
        <Heading level={2} data-size="md" id="goals-heading">
          {t("area.goalsHeading", { count: area.goals.length })}
        </Heading>
        <ol className="nk-goals">
          {area.goals.map((g) => (
            <li key={g.id} id={`mal-${g.key}`} className="nk-goal">
              <p className="nk-goal__text">{g.text}</p>
              {g.targets.length > 0 && (
                <ul className="nk-target-list" aria-label={t("area.targetsFor", { goal: g.key })}>
                  {g.targets.map((tg) => (
                    <li key={tg.id}>
                      <TargetItem
                        target={tg}
                        indicator={tg.indicator ? byKey.get(tg.indicator) : undefined}
                        planKey={planKey}
                        parentText={g.text}
                        showPeriods
                      />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
        {area.targets.length > 0 && (
          <>
            <Heading level={3} data-size="xs">
              {t("area.areaTargets")}
            </Heading>
            <ul className="nk-target-list nk-target-list--cards">
              {area.targets.map((tg) => (
                <li key={tg.id}>
                  <TargetItem target={tg} indicator={tg.indicator ? byKey.get(tg.indicator) : undefined} planKey={planKey} showPeriods />
                </li>
              ))}
            </ul>
          </>
        )}
        {allTargets === 0 && <Paragraph className="nk-muted">{t("area.noGoalTargets")}</Paragraph>}
      </section>

      <section aria-labelledby="measures-heading" className="nk-section">
        <Heading level={2} data-size="md" id="measures-heading">
          {t("area.measuresHeading", { count: area.measures.length })}
        </Heading>
        <ul className="nk-measures">
          {area.measures.map((m) => (
            <li key={m.id} className="nk-measure">
              <div className="nk-measure__head">
                <MeasureStatusTag status={m.status} />
                <PlainLink href={hrefFor({ name: "measure", id: m.id })} className="nk-link nk-measure__title">
                  {m.text}
                </PlainLink>
              </div>
              <dl className="nk-measure__meta">
                <div>
                  <dt>{t("measure.progress")}</dt>
                  <dd>
                    <Progress value={m.progress} />
                  </dd>
                </div>
                <div>
                  <dt>{t("measure.owner")}</dt>
                  <dd>{m.owner ?? t("measure.noOwner")}</dd>
                </div>
                <div>
                  <dt>{t("measure.due")}</dt>
                  <dd>
                    {m.dueDate
                      ? formatDate(m.dueDate, locale)
                      : m.period
                        ? t("measure.withinPeriod", { end: formatDate(m.period.end, locale) })
                        : "–"}
                  </dd>
                </div>
              </dl>
              {m.targets.length > 0 && (
                <ul className="nk-target-list nk-target-list--compact">
                  {m.targets.map((tg) => (
                    <li key={tg.id}>
                      <TargetItem
                        target={tg}
                        indicator={tg.indicator ? byKey.get(tg.indicator) : undefined}
                        planKey={planKey}
                        parentText={m.text}
                      />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
