/**
 * A company's engagement history and follow-ups, for the company page (/bedrifter/:orgnr). Signed-in
 * users only: the log is internal working data (the public sees counts through the plan).
 */
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { ErrorMessage, Loading } from "../../components/Feedback.js";
import { useEndpoint } from "../../data.js";
import { formatDate } from "../../format.js";
import { useI18n } from "../../i18n/index.js";
import { useSession } from "../session/session.js";
import { EngagementTable } from "./EngagementTable.js";
import { FollowUps } from "./FollowUps.js";

export function CompanyEngagements({ orgnr }: { orgnr: string }) {
  const { user } = useSession();
  if (!user) return null;
  return <History orgnr={orgnr} canWrite={user.role === "admin" || user.role === "editor"} />;
}

function History({ orgnr, canWrite }: { orgnr: string; canWrite: boolean }) {
  const { t, locale } = useI18n();
  const { data, error } = useEndpoint("GET /api/engagements/companies/:orgnr", { params: { orgnr } });
  return (
    <section aria-labelledby="company-engagements-heading" className="nk-section">
      <Heading level={2} data-size="md" id="company-engagements-heading">
        {t("engagements.company.heading")}
      </Heading>
      {error && !data ? (
        <ErrorMessage error={error} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          {data.engagements.length === 0 ? (
            <Paragraph className="nk-muted">{t("engagements.company.none")}</Paragraph>
          ) : (
            <EngagementTable
              rows={data.engagements}
              caption={t("engagements.company.caption", { count: data.engagements.length })}
              linkCompanies={false}
            />
          )}
          {data.offers.length > 0 && (
            <Paragraph data-size="sm">
              {data.offers
                .map((o) => t("engagements.company.offer", { year: o.year, status: t(`engagements.offers.status.${o.status}`) }))
                .join(" · ")}
            </Paragraph>
          )}
          {data.welcomes.map((w) => (
            <Paragraph key={w.id} data-size="sm">
              {t("engagements.company.welcomed", { date: formatDate(w.welcomedOn, locale) })}
            </Paragraph>
          ))}
          <Heading level={3} data-size="xs">
            {t("engagements.followUps.heading")}
          </Heading>
          <FollowUps query={{ orgnr }} canWrite={canWrite} caption={t("engagements.followUps.caption")} />
        </>
      )}
    </section>
  );
}
