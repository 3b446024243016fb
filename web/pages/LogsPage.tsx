/** /logger: the office's delivery logs, what each feeds in the plan, and (admins) the personal-data status. */
import { Card, Heading, Paragraph } from "@digdir/designsystemet-react";
import { PlainLink } from "../components/AppLink.js";
import { Breadcrumbs } from "../components/Breadcrumbs.js";
import { ErrorMessage, Loading } from "../components/Feedback.js";
import { Icon } from "../components/Icon.js";
import { PageHeading } from "../components/PageHeading.js";
import { useEndpoint } from "../data.js";
import { useSession } from "../features/session/session.js";
import { formatDateTime } from "../format.js";
import { useI18n } from "../i18n/index.js";
import { GENERIC_LOGS, hrefFor, LOG_ROUTES, type Route } from "../router.js";
import "../styles/logs.css";

function LogCard({ route, name, text }: { route: Route; name: string; text: string }) {
  return (
    <Card className="nk-log-card" data-color="neutral">
      <Heading level={2} data-size="xs">
        <PlainLink href={hrefFor(route)} className="nk-link nk-log-card__link">
          {name}
          <Icon name="arrow" />
        </PlainLink>
      </Heading>
      <Paragraph data-size="sm">{text}</Paragraph>
    </Card>
  );
}

export default function LogsPage() {
  const { t } = useI18n();
  const { user, checking } = useSession();
  const title = t("logs.title");
  const landCard = <LogCard route={{ name: "land-bank" }} name={t("land.title")} text={t("logs.card.land-bank")} />;
  return (
    <div className="nk-container nk-log-page">
      <Breadcrumbs items={[{ href: hrefFor({ name: "overview" }), label: t("nav.overview") }]} />
      <div className="nk-pagehead">
        <PageHeading title={title}>{title}</PageHeading>
        <Paragraph className="nk-lead">{t("logs.intro")}</Paragraph>
      </div>
      {checking ? (
        <Loading />
      ) : !user ? (
        <>
          <Paragraph>
            <PlainLink href={hrefFor({ name: "signin", next: hrefFor({ name: "logs" }) })} className="nk-link">
              {t("logs.signInToSee")}
            </PlainLink>
          </Paragraph>
          <ul className="nk-log-cards">
            <li>{landCard}</li>
          </ul>
        </>
      ) : (
        <>
          <ul className="nk-log-cards">
            {LOG_ROUTES.map((r) => (
              <li key={r}>
                <LogCard route={{ name: r }} name={t(`logs.name.${r}`)} text={t(`logs.card.${r}`)} />
              </li>
            ))}
            {GENERIC_LOGS.map((d) => (
              <li key={d.key}>
                <LogCard route={{ name: "log", key: d.key }} name={t(`${d.i18n}.title`)} text={t(`${d.i18n}.card`)} />
              </li>
            ))}
            <li>{landCard}</li>
          </ul>
          {user.role === "admin" && <Privacy />}
        </>
      )}
    </div>
  );
}

function Privacy() {
  const { t, locale } = useI18n();
  const { data, error } = useEndpoint("GET /api/privacy/status");
  return (
    <section aria-labelledby="privacy-heading" className="nk-section">
      <Heading level={2} data-size="md" id="privacy-heading">
        {t("logs.privacy.heading")}
      </Heading>
      {error && !data ? (
        <ErrorMessage error={error} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <dl className="nk-facts-dl">
            <div>
              <dt>{t("logs.privacy.retention")}</dt>
              <dd>{t("logs.privacy.days", { count: data.retentionDays })}</dd>
            </div>
            <div>
              <dt>{t("logs.privacy.stored")}</dt>
              <dd>{data.personalOrgnrsStored}</dd>
            </div>
            {data.jobs.map((j) => (
              <div key={j.job}>
                <dt>{t("logs.privacy.lastRun", { job: j.job })}</dt>
                <dd>{formatDateTime(j.lastRunAt, locale)}</dd>
              </div>
            ))}
          </dl>
          <Paragraph data-size="sm" className="nk-muted">
            {t("logs.privacy.note")}
          </Paragraph>
        </>
      )}
    </section>
  );
}
