/** A measure: text, status and progress, targets with explanations, the status history, and the update form. */
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { PlainLink } from "../components/AppLink.js";
import { Breadcrumbs } from "../components/Breadcrumbs.js";
import { ErrorMessage, Loading } from "../components/Feedback.js";
import { PageHeading } from "../components/PageHeading.js";
import { Progress } from "../components/Progress.js";
import { MeasureStatusTag } from "../components/StatusTag.js";
import { useEndpoint } from "../data.js";
import { logLinksFor } from "../features/logs/logs.js";
import { MeasureUpdateForm } from "../features/measures/MeasureUpdateForm.js";
import { Timeline } from "../features/measures/Timeline.js";
import { usePlanIndicators, usePlanKey } from "../features/plan/plans.js";
import { TargetItem } from "../features/plan/TargetItem.js";
import { useCanWrite, useSession } from "../features/session/session.js";
import { formatDate } from "../format.js";
import { useI18n } from "../i18n/index.js";
import { hrefFor } from "../router.js";

export default function MeasurePage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const { data: m, error } = useEndpoint("GET /api/measures/:id", { params: { id }, query: { lang: locale } });
  const canWrite = useCanWrite("measure", m?.id);
  const { key: defaultPlanKey } = usePlanKey(undefined);
  const indicators = usePlanIndicators(m?.plan.key);
  if (error && !m)
    return (
      <div className="nk-container">
        <PageHeading title={t("errors.title")}>{t("errors.title")}</PageHeading>
        <ErrorMessage error={error} />
      </div>
    );
  if (!m)
    return (
      <div className="nk-container">
        <Loading />
      </div>
    );
  const planKey = m.plan.key !== defaultPlanKey ? m.plan.key : undefined;
  const overviewHref = hrefFor({ name: "overview", planKey });
  const areaHref = hrefFor({ name: "area", planKey, number: m.focusArea.number });
  const signInHref = hrefFor({ name: "signin", next: hrefFor({ name: "measure", id }) });
  // The office's logs that feed this measure's targets (signed-in users can open them).
  const logs = logLinksFor(m.targets.map((tg) => tg.indicator));

  return (
    <div className="nk-container nk-measure-page">
      <Breadcrumbs
        items={[
          { href: overviewHref, label: t("nav.overview") },
          { href: areaHref, label: `${m.focusArea.number}. ${m.focusArea.title}` },
        ]}
      />
      <div className="nk-pagehead">
        <p className="nk-eyebrow">{t("measure.eyebrow", { key: m.key })}</p>
        <PageHeading title={m.text} size="md">
          {m.text}
        </PageHeading>
      </div>
      <dl className="nk-facts-dl">
        <div>
          <dt>{t("measure.status")}</dt>
          <dd>
            <MeasureStatusTag status={m.status} size="md" />
          </dd>
        </div>
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
          <dd>{m.dueDate ? formatDate(m.dueDate, locale) : "–"}</dd>
        </div>
        <div>
          <dt>{t("measure.period")}</dt>
          <dd>{m.period ? `${formatDate(m.period.start, locale)}–${formatDate(m.period.end, locale)}` : "–"}</dd>
        </div>
        <div>
          <dt>{t("measure.area")}</dt>
          <dd>
            <PlainLink href={areaHref} className="nk-link">
              {m.focusArea.number}. {m.focusArea.title}
            </PlainLink>
          </dd>
        </div>
      </dl>

      <section aria-labelledby="targets-heading" className="nk-section">
        <Heading level={2} data-size="md" id="targets-heading">
          {t("measure.targetsHeading", { count: m.targets.length })}
        </Heading>
        {m.targets.length === 0 ? (
          <Paragraph className="nk-muted">{t("measure.noTargets")}</Paragraph>
        ) : (
          <ul className="nk-target-list nk-target-list--cards">
            {m.targets.map((tg) => (
              <li key={tg.id}>
                <TargetItem
                  target={tg}
                  planKey={planKey}
                  indicator={indicators.data?.find((i) => i.key === tg.indicator)}
                  parentText={m.text}
                  showPeriods
                />
              </li>
            ))}
          </ul>
        )}
        {user && logs.length > 0 && (
          <Paragraph className="nk-measure__logs">
            {t("measure.fromLog")}{" "}
            {logs.map((l, i) => (
              <span key={l.label}>
                {i > 0 && ", "}
                <PlainLink href={hrefFor(l.route)} className="nk-link">
                  {t(l.label)}
                </PlainLink>
              </span>
            ))}
          </Paragraph>
        )}
      </section>

      <div className="nk-columns">
        <section aria-labelledby="history-heading" className="nk-section nk-columns__main">
          <Heading level={2} data-size="md" id="history-heading">
            {t("measure.historyHeading")}
          </Heading>
          <Timeline updates={m.updates} />
        </section>
        <section aria-labelledby="update-heading" className="nk-section nk-columns__side nk-no-print">
          <Heading level={2} data-size="md" id="update-heading">
            {t("measureForm.heading")}
          </Heading>
          {canWrite ? (
            <MeasureUpdateForm key={m.id} measure={m} />
          ) : user ? (
            <Paragraph className="nk-muted">{t("measureForm.noRights")}</Paragraph>
          ) : (
            <Paragraph>
              <PlainLink href={signInHref} className="nk-link">
                {t("measureForm.signInToUpdate")}
              </PlainLink>
            </Paragraph>
          )}
        </section>
      </div>
    </div>
  );
}
