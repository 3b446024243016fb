/** One land area: its figures, status, zoning, outline on the map, source and note, and its rezoning applications. */
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { lazy, Suspense } from "react";
import { Breadcrumbs } from "../components/Breadcrumbs.js";
import { ErrorMessage, Loading } from "../components/Feedback.js";
import { PageHeading } from "../components/PageHeading.js";
import { useEndpoint } from "../data.js";
import { MissingTags, m2, RezoningTable } from "../features/land/LandParts.js";
import { useSession } from "../features/session/session.js";
import { formatDateTime } from "../format.js";
import { useI18n } from "../i18n/index.js";
import { hrefFor } from "../router.js";
import "../styles/logs.css";

const LandMap = lazy(() => import("../features/land/LandMap.js"));

export default function LandAreaPage({ areaKey }: { areaKey: string }) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const { data: area, error } = useEndpoint("GET /api/land-bank/areas/:key", { params: { key: areaKey } });
  const rezoning = useEndpoint(user ? "GET /api/land-bank/rezoning-applications" : null, { query: { landArea: areaKey } });
  const crumbs = [
    { href: hrefFor({ name: "overview" }), label: t("nav.overview") },
    { href: hrefFor({ name: "land-bank" }), label: t("land.title") },
  ];
  if (error && !area)
    return (
      <div className="nk-container">
        <Breadcrumbs items={crumbs} />
        <PageHeading title={t("errors.title")}>{t("errors.title")}</PageHeading>
        <ErrorMessage error={error} />
      </div>
    );
  if (!area)
    return (
      <div className="nk-container">
        <Loading />
      </div>
    );
  const facts: [string, string][] = [
    [t("land.col.centre"), area.centre ?? "–"],
    [t("land.col.status"), area.status ? t(`land.status.${area.status}`) : t("land.status.unknown")],
    [t("land.field.zoning"), area.zoning ?? "–"],
    [t("land.col.total"), m2(area.totalM2, locale)],
    [t("land.col.available"), m2(area.availableM2, locale)],
    [t("land.col.planned"), m2(area.plannedM2, locale)],
    [t("land.col.site"), m2(area.siteAreaM2 === null ? null : Math.round(area.siteAreaM2), locale)],
    [t("land.field.updated"), formatDateTime(area.updatedAt, locale)],
  ];

  return (
    <div className="nk-container nk-log-page nk-land-area">
      <Breadcrumbs items={crumbs} />
      <div className="nk-pagehead">
        <p className="nk-eyebrow">{t("land.eyebrow")}</p>
        <PageHeading title={area.name}>{area.name}</PageHeading>
        <MissingTags area={area} />
      </div>
      <dl className="nk-facts-dl">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <Paragraph data-size="sm" className="nk-muted">
        {t("land.field.m2Help")}
      </Paragraph>

      <section aria-labelledby="area-map-heading" className="nk-section">
        <Heading level={2} data-size="md" id="area-map-heading">
          {t("land.field.outline")}
        </Heading>
        {area.geometry ? (
          <figure className="nk-map-figure" aria-labelledby="area-map-caption">
            <Suspense fallback={<div className="nk-chart-placeholder" />}>
              <LandMap areas={[area]} title={t("land.map.one", { name: area.name })} currentKey={area.key} maxHeight={380} />
            </Suspense>
            <figcaption id="area-map-caption" className="nk-figure__caption">
              {t("land.map.oneCaption")}
            </figcaption>
          </figure>
        ) : (
          <Paragraph className="nk-muted">{t("land.field.noOutline")}</Paragraph>
        )}
      </section>

      {(area.source || area.note) && (
        <section aria-labelledby="area-source-heading" className="nk-section">
          <Heading level={2} data-size="md" id="area-source-heading">
            {t("land.field.sourceHeading")}
          </Heading>
          {area.note && (
            <blockquote lang="nb" className="nk-quote">
              {area.note}
            </blockquote>
          )}
          {area.source && (
            <Paragraph>
              {t("land.field.source")}: <span lang="nb">{area.source}</span>
            </Paragraph>
          )}
        </section>
      )}

      {user && (
        <section aria-labelledby="area-rezoning-heading" className="nk-section">
          <Heading level={2} data-size="md" id="area-rezoning-heading">
            {t("land.rezoning.heading")}
          </Heading>
          {!rezoning.data ? (
            rezoning.error ? (
              <ErrorMessage error={rezoning.error} />
            ) : (
              <Loading />
            )
          ) : rezoning.data.length === 0 ? (
            <Paragraph className="nk-muted">{t("land.rezoning.noneForArea")}</Paragraph>
          ) : (
            <RezoningTable items={rezoning.data} caption={t("logs.rows", { count: rezoning.data.length })} showArea={false} />
          )}
        </section>
      )}
    </div>
  );
}
