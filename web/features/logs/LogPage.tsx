/** Building blocks the log pages share: the sign-in gate, the page head, plan targets, the chart figure, export. */
import { Heading, Link, Paragraph } from "@digdir/designsystemet-react";
import { lazy, type ReactNode, Suspense } from "react";
import { PlainLink } from "../../components/AppLink.js";
import { Breadcrumbs } from "../../components/Breadcrumbs.js";
import { Loading } from "../../components/Feedback.js";
import { Icon } from "../../components/Icon.js";
import { PageHeading } from "../../components/PageHeading.js";
import type { Locale } from "../../format.js";
import { useI18n } from "../../i18n/index.js";
import { hrefFor, type Route } from "../../router.js";
import type { ReferenceBand, SeriesPoint } from "../charts/scale.js";
import { type TargetInPlan, targetsReading } from "../indicators/targetsFor.js";
import { usePlanKey, usePlanTree } from "../plan/plans.js";
import { TargetItem } from "../plan/TargetItem.js";
import { useSession } from "../session/session.js";

const TimeSeriesChart = lazy(() => import("../charts/TimeSeriesChart.js"));

/** Breadcrumbs, eyebrow, h1 and lead of a log page. */
export function LogHead({ title, lead, parent = "logs" }: { title: string; lead: string; parent?: "logs" | "overview" }) {
  const { t } = useI18n();
  const crumbs = [{ href: hrefFor({ name: "overview" }), label: t("nav.overview") }];
  if (parent === "logs") crumbs.push({ href: hrefFor({ name: "logs" }), label: t("logs.title") });
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <div className="nk-pagehead">
        <p className="nk-eyebrow">{parent === "logs" ? t("logs.eyebrow") : t("land.eyebrow")}</p>
        <PageHeading title={title}>{title}</PageHeading>
        <Paragraph className="nk-lead">{lead}</Paragraph>
      </div>
    </>
  );
}

/** Renders `children` for signed-in users; otherwise the page head and a sign-in link back here. */
export function RequireUser({ route, title, lead, children }: { route: Route; title: string; lead: string; children: ReactNode }) {
  const { t } = useI18n();
  const { user, checking } = useSession();
  if (checking)
    return (
      <div className="nk-container">
        <Loading />
      </div>
    );
  if (!user)
    return (
      <div className="nk-container nk-narrow">
        <LogHead title={title} lead={lead} />
        <Paragraph>
          <PlainLink href={hrefFor({ name: "signin", next: hrefFor(route) })} className="nk-link">
            {t("logs.signInToSee")}
          </PlainLink>
        </Paragraph>
      </div>
    );
  return <>{children}</>;
}

/** The plan's targets that read these indicators (in the default plan), with their status. */
export function usePlanTargets(indicatorKeys: readonly string[]): TargetInPlan[] {
  const { key } = usePlanKey(undefined);
  const { data: plan } = usePlanTree(key);
  if (!plan) return [];
  return indicatorKeys.flatMap((k) => targetsReading(plan, k));
}

export function LogTargets({ readers, id }: { readers: TargetInPlan[]; id: string }) {
  const { t } = useI18n();
  if (readers.length === 0) return null;
  return (
    <section aria-labelledby={id} className="nk-section">
      <Heading level={2} data-size="md" id={id}>
        {t("logs.targetsHeading", { count: readers.length })}
      </Heading>
      <Paragraph className="nk-muted">{t("logs.targetsIntro")}</Paragraph>
      <ul className="nk-target-list nk-target-list--cards">
        {readers.map((r) => (
          <li key={r.target.id}>
            <TargetItem target={r.target} hideIndicator>
              <p className="nk-target__where">
                {r.measureId ? (
                  <PlainLink href={hrefFor({ name: "measure", id: r.measureId })} className="nk-link">
                    {t("indicator.inMeasure", { text: r.measureText })}
                  </PlainLink>
                ) : (
                  <PlainLink href={hrefFor({ name: "area", number: r.areaNumber })} className="nk-link">
                    {t("indicator.inArea", { number: r.areaNumber, title: r.areaTitle })}
                  </PlainLink>
                )}
              </p>
            </TargetItem>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A series as the shared time-series chart in a figure; the table with the same numbers is `tableId`. */
export function SeriesFigure({
  series,
  bands = [],
  format,
  title,
  description,
  caption,
  tableId,
  locale,
}: {
  series: SeriesPoint[];
  bands?: ReferenceBand[];
  format: { format: string; unit: string };
  title: string;
  description: string;
  caption: string;
  tableId: string;
  locale: Locale;
}) {
  if (series.length === 0) return null;
  return (
    <figure className="nk-chart-figure nk-log-chart">
      <Suspense fallback={<div className="nk-chart-placeholder" />}>
        <TimeSeriesChart
          series={series}
          bands={bands}
          format={format}
          title={title}
          description={description}
          describedBy={tableId}
          locale={locale}
        />
      </Suspense>
      <figcaption className="nk-figure__caption">{caption}</figcaption>
    </figure>
  );
}

/** A link that downloads a CSV export (the server sends it as an attachment). */
export function ExportLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} download className="nk-export-link">
      <Icon name="download" />
      {children}
    </Link>
  );
}
