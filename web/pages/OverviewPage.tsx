/** The plan a næringssjef opens every morning: main goal, figure, focus areas by status, what changed. */

import { Alert, Card, Heading, Paragraph } from "@digdir/designsystemet-react";
import { lazy, Suspense } from "react";
import { countTotal } from "../../core/plan/counts.js";
import { ErrorMessage, Loading } from "../components/Feedback.js";
import { PageHeading } from "../components/PageHeading.js";
import { AreaCard } from "../features/plan/AreaCard.js";
import { Attention } from "../features/plan/Attention.js";
import { usePlanKey, usePlanTree } from "../features/plan/plans.js";
import { RecentChanges } from "../features/plan/RecentChanges.js";
import { StatusLegend, StatusSummary } from "../features/status/StatusSummary.js";
import { formatDate } from "../format.js";
import { useI18n } from "../i18n/index.js";

const ImportanceFigure = lazy(() => import("../features/plan/ImportanceFigure.js"));

export function OverviewPage({ planKey }: { planKey?: string }) {
  const { t, locale } = useI18n();
  const { key, error: plansError, none } = usePlanKey(planKey);
  const { data: plan, error } = usePlanTree(key);

  if (none)
    return (
      <div className="nk-container">
        <PageHeading title={t("app.name")}>{t("app.name")}</PageHeading>
        <Paragraph>{t("overview.noPlans")}</Paragraph>
      </div>
    );
  if ((error || plansError) && !plan)
    return (
      <div className="nk-container">
        <PageHeading title={t("errors.title")}>{t("errors.title")}</PageHeading>
        <ErrorMessage error={error ?? plansError} />
      </div>
    );
  if (!plan)
    return (
      <div className="nk-container">
        <Loading />
      </div>
    );

  const targetTotal = countTotal(plan.counts.targets);
  const measureTotal = countTotal(plan.counts.measures);
  const ended = plan.asOf > plan.period.end;
  const routeKey = planKey;

  return (
    <div className="nk-container nk-overview">
      <div className="nk-pagehead">
        <p className="nk-eyebrow">
          {t("overview.eyebrow", {
            version: plan.version,
            start: plan.period.start.slice(0, 4),
            end: plan.period.end.slice(0, 4),
          })}
        </p>
        <PageHeading title={plan.title} size="xl">
          {plan.title}
        </PageHeading>
        <p className="nk-meta">
          {t(`planStatus.${plan.status}`)} · {t("overview.asOf", { date: formatDate(plan.asOf, locale) })}
        </p>
      </div>

      {ended && (
        <Alert data-color="info" className="nk-alert">
          <Paragraph>
            {t("overview.ended", {
              end: formatDate(plan.period.end, locale),
              period: `${plan.period.start.slice(0, 4)}–${plan.period.end.slice(0, 4)}`,
            })}
          </Paragraph>
        </Alert>
      )}

      <section aria-labelledby="status-heading" className="nk-section">
        <Heading level={2} data-size="md" id="status-heading">
          {t("overview.statusHeading")}
        </Heading>
        <div className="nk-status-panels">
          <Card className="nk-panel" data-color="neutral">
            <Heading level={3} data-size="xs">
              {t("overview.targetsCount", { count: targetTotal })}
            </Heading>
            <StatusSummary kind="targets" counts={plan.counts.targets} />
          </Card>
          <Card className="nk-panel" data-color="neutral">
            <Heading level={3} data-size="xs">
              {t("overview.measuresCount", { count: measureTotal })}
            </Heading>
            <StatusSummary kind="measures" counts={plan.counts.measures} />
          </Card>
        </div>
        <Attention plan={plan} planKey={routeKey} />
      </section>

      <div className="nk-columns">
        <section aria-labelledby="goal-heading" className="nk-section nk-columns__main">
          <Heading level={2} data-size="md" id="goal-heading">
            {t("overview.mainGoal")}
          </Heading>
          <p className="nk-main-goal">{plan.mainGoal.text}</p>
          <ul className="nk-dimensions">
            {plan.mainGoal.dimensions.map((d) => (
              <li key={d.key}>
                <Card className="nk-dimension" data-color="accent" variant="tinted">
                  <Heading level={3} data-size="xs">
                    {d.title}
                  </Heading>
                  <Paragraph data-size="sm">{d.text}</Paragraph>
                </Card>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="changes-heading" className="nk-section nk-columns__side">
          <Heading level={2} data-size="md" id="changes-heading">
            {t("changes.heading")}
          </Heading>
          <RecentChanges planKey={plan.key} />
        </section>
      </div>

      <section aria-labelledby="areas-heading" className="nk-section">
        <Heading level={2} data-size="md" id="areas-heading">
          {t("overview.areasHeading", { count: plan.focusAreas.length })}
        </Heading>
        <Paragraph className="nk-lead">{t("overview.areasIntro")}</Paragraph>
        <Suspense fallback={<div className="nk-figure nk-figure--placeholder" />}>
          <ImportanceFigure areas={plan.focusAreas} planKey={routeKey} />
        </Suspense>
        <div className="nk-legends">
          <StatusLegend kind="targets" />
          <StatusLegend kind="measures" />
        </div>
        <ul className="nk-area-grid">
          {plan.focusAreas.map((a) => (
            <li key={a.id}>
              <AreaCard area={a} planKey={routeKey} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
