/**
 * Næringsstruktur (public): the business structure of a municipality from the register
 * snapshots — headline figures, firms and employment by industry, size classes, the largest
 * employers, entries and exits, survival, the peers and the country, the trend and the rules
 * behind every figure — or every municipality ranked by one figure. A company search leads to
 * the company pages; editors upload Brreg files here, signed-in users see the snapshots.
 */
import { Alert, Heading, Paragraph, ToggleGroup } from "@digdir/designsystemet-react";
import { Breadcrumbs } from "../components/Breadcrumbs.js";
import { ErrorMessage, Loading } from "../components/Feedback.js";
import { PageHeading } from "../components/PageHeading.js";
import { useEndpoint } from "../data.js";
import { pickDefaultPlan, usePlans } from "../features/plan/plans.js";
import { SurvivalSection, YearsSection } from "../features/register/ActivitySections.js";
import { AreaPicker } from "../features/register/AreaPicker.js";
import { CompanySearch } from "../features/register/CompanySearch.js";
import { PeersSection, TopEmployersSection, TrendSection } from "../features/register/ComparisonSections.js";
import { AboutFigures, Headline } from "../features/register/Headline.js";
import { ImportJobs } from "../features/register/ImportJobs.js";
import { municipalityName } from "../features/register/municipalities.js";
import { RankingSection, rankingMetric } from "../features/register/Ranking.js";
import { RegisterImport } from "../features/register/RegisterImport.js";
import { Snapshots } from "../features/register/Snapshots.js";
import { EmploymentBySection, FirmsBySection, SizeClasses } from "../features/register/StructureSections.js";
import { Section } from "../features/register/shared.js";
import { canWrite } from "../features/session/rights.js";
import { useSession } from "../features/session/session.js";
import { formatDate } from "../format.js";
import { useI18n } from "../i18n/index.js";
import { hrefFor, navigate } from "../router.js";
import "../styles/logs.css";
import "../styles/register.css";

const P = "ns";

export default function BusinessStructurePage({
  area: areaParam,
  asOf,
  view,
  metric,
}: {
  area?: string;
  asOf?: string;
  view?: "ranking";
  metric?: string;
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const plans = usePlans();
  // The plan's municipality unless the URL names one (Bærum, 3201, for the first customer).
  const area = areaParam ?? pickDefaultPlan(plans.data)?.municipality.code ?? (plans.data || plans.error ? "3201" : undefined);
  const title = t("register.title");
  return (
    <div className="nk-container nk-log-page nk-register">
      <Breadcrumbs items={[{ href: hrefFor({ name: "overview" }), label: t("nav.overview") }]} />
      <div className="nk-pagehead">
        <p className="nk-eyebrow">{t("register.eyebrow")}</p>
        <PageHeading title={title}>{title}</PageHeading>
        <Paragraph className="nk-lead">{t("register.lead")}</Paragraph>
      </div>
      {!area ? (
        <Loading />
      ) : (
        <>
          <AreaPicker area={area} asOf={asOf} view={view} idPrefix={P} />
          <CompanySearch idPrefix={P} />
          <ToggleGroup
            aria-label={t("register.view.label")}
            value={view === "ranking" ? "ranking" : "area"}
            onChange={(v) =>
              navigate(
                hrefFor({ name: "business-structure", area: areaParam, asOf, view: v === "ranking" ? "ranking" : undefined, metric }),
              )
            }
            data-size="sm"
            className="nk-no-print nk-register__view"
          >
            <ToggleGroup.Item value="area">{t("register.view.area", { area: municipalityName(area) ?? area })}</ToggleGroup.Item>
            <ToggleGroup.Item value="ranking">{t("register.view.ranking")}</ToggleGroup.Item>
          </ToggleGroup>
          {view === "ranking" ? (
            <RankingSection area={area} asOf={asOf} metric={rankingMetric(metric)} idPrefix={P} />
          ) : (
            <AreaAnalysis area={area} asOf={asOf} />
          )}
        </>
      )}
      {user && <Snapshots idPrefix={P} />}
      {canWrite(user, false) && (
        <section aria-labelledby={`${P}-import-heading`} className="nk-section nk-no-print nk-form-section">
          <Heading level={2} data-size="md" id={`${P}-import-heading`}>
            {t("register.import.heading")}
          </Heading>
          <Paragraph className="nk-muted">{t("register.import.intro")}</Paragraph>
          <RegisterImport idPrefix={`${P}-import`} headingId={`${P}-import-heading`} />
        </section>
      )}
      {canWrite(user, false) && <ImportJobs idPrefix={P} />}
    </div>
  );
}

function AreaAnalysis({ area, asOf }: { area: string; asOf?: string }) {
  const { t, locale } = useI18n();
  const { data, error } = useEndpoint("GET /api/register/analysis", { query: { area, asOf, top: 10 } });
  if (error && !data) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  const name = data.area.name;
  if (!data.firms && !data.employment)
    return (
      <>
        <Section id={`${P}-empty-heading`} title={t("register.empty.heading", { area: name })}>
          <Alert data-color="info" className="nk-alert">
            <Paragraph>{t("register.empty.text", { area: name, date: formatDate(data.asOf, locale) })}</Paragraph>
            <Paragraph>{t("register.empty.howTo")}</Paragraph>
          </Alert>
        </Section>
        <AboutFigures analysis={data} idPrefix={P} />
      </>
    );
  return (
    <>
      <Headline analysis={data} idPrefix={P} />
      {data.firms ? <FirmsBySection firms={data.firms} idPrefix={P} /> : <Missing what={t("register.empty.noFirms")} />}
      {data.employment ? (
        <>
          <EmploymentBySection employment={data.employment} idPrefix={P} />
          <SizeClasses employment={data.employment} idPrefix={P} />
        </>
      ) : (
        <Missing what={t("register.empty.noUnits")} />
      )}
      {data.topEmployers && <TopEmployersSection top={data.topEmployers} idPrefix={P} areaName={name} />}
      <YearsSection years={data.years} idPrefix={P} until={data.firms?.snapshot.asOf} />
      <SurvivalSection survival={data.survival} idPrefix={P} />
      <PeersSection analysis={data} idPrefix={P} />
      <TrendSection analysis={data} idPrefix={P} />
      <AboutFigures analysis={data} idPrefix={P} />
    </>
  );
}

function Missing({ what }: { what: string }) {
  return <Paragraph className="nk-register__empty">{what}</Paragraph>;
}
