/** /logger/bedriftskontakt: the engagement log — quick form, list with filters, follow-ups, the plan's targets, CSV. */
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Textfield } from "@digdir/designsystemet-react";
import { useState } from "react";
import { urlFor } from "../api.js";
import { PlainLink } from "../components/AppLink.js";
import { ErrorMessage, Loading } from "../components/Feedback.js";
import { invalidate, useEndpoint } from "../data.js";
import { EngagementTable } from "../features/engagements/EngagementTable.js";
import { FollowUps } from "../features/engagements/FollowUps.js";
import { QuickVisitForm } from "../features/engagements/QuickVisitForm.js";
import { ENGAGEMENT_KINDS, isEngagementKind, isParticipantRole, PARTICIPANT_ROLES } from "../features/engagements/types.js";
import { LogImportSection } from "../features/logs/LogList.js";
import { ExportLink, LogHead, LogTargets, RequireUser, usePlanTargets } from "../features/logs/LogPage.js";
import { isLogDataPath, LOG_INDICATORS } from "../features/logs/logs.js";
import { useSession } from "../features/session/session.js";
import { useI18n } from "../i18n/index.js";
import { hrefFor } from "../router.js";
import "../styles/logs.css";

export default function EngagementsPage() {
  const { t } = useI18n();
  return (
    <RequireUser route={{ name: "engagements" }} title={t("engagements.title")} lead={t("engagements.lead")}>
      <Engagements />
    </RequireUser>
  );
}

interface Filters {
  kind: string;
  year: string;
  role: string;
  q: string;
}

function Engagements() {
  const { t } = useI18n();
  const { user } = useSession();
  const editor = user?.role === "admin" || user?.role === "editor";
  const writer = editor || user?.role === "contributor";
  const readers = usePlanTargets(LOG_INDICATORS.engagements);
  const [filters, setFilters] = useState<Filters>({ kind: "", year: "", role: "", q: "" });
  const [applied, setApplied] = useState<Filters>(filters);
  const [saved, setSaved] = useState<string | null>(null);
  const query = {
    kind: isEngagementKind(applied.kind) ? applied.kind : undefined,
    year: applied.year || undefined,
    role: isParticipantRole(applied.role) ? applied.role : undefined,
    q: applied.q || undefined,
  };
  const rows = useEndpoint("GET /api/engagements", { query });
  const refresh = () => invalidate(isLogDataPath("/api/engagements"));
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - 2014 }, (_, i) => String(thisYear - i));

  return (
    <div className="nk-container nk-log-page">
      <LogHead title={t("engagements.title")} lead={t("engagements.lead")} />
      <Paragraph>
        <PlainLink href={hrefFor({ name: "engagement-offers" })} className="nk-link">
          {t("engagements.offers.title")}
        </PlainLink>
        {" · "}
        <PlainLink href={hrefFor({ name: "engagement-welcomes" })} className="nk-link">
          {t("engagements.welcomes.title")}
        </PlainLink>
      </Paragraph>

      <LogTargets readers={readers} id="eng-targets-heading" />

      {writer && (
        <section className="nk-section nk-form-section nk-no-print">
          <QuickVisitForm
            onSaved={(e) => {
              setSaved(t("engagements.saved", { title: e.title }));
              refresh();
            }}
          />
          <div aria-live="polite" className="nk-live">
            {saved && (
              <Alert data-color="success" className="nk-alert">
                <Paragraph>{saved}</Paragraph>
              </Alert>
            )}
          </div>
        </section>
      )}

      <section aria-labelledby="eng-list-heading" className="nk-section">
        <div className="nk-section__head">
          <Heading level={2} data-size="md" id="eng-list-heading">
            {t("engagements.listHeading")}
          </Heading>
          <div className="nk-section__actions">
            <ExportLink href={urlFor("GET /api/engagements", { query }).replace("/api/engagements", "/api/engagements.csv")}>
              {t("logs.exportCsv")}
            </ExportLink>
          </div>
        </div>
        <Paragraph className="nk-muted">{t("engagements.countingRule")}</Paragraph>
        <search aria-label={t("engagements.filters.label")}>
          <form
            className="nk-form__row nk-filters"
            onSubmit={(e) => {
              e.preventDefault();
              setApplied(filters);
            }}
          >
            <Field>
              <Label htmlFor="eng-f-kind">{t("engagements.filters.kind")}</Label>
              <Select id="eng-f-kind" value={filters.kind} onChange={(e) => setFilters({ ...filters, kind: e.target.value })} width="auto">
                <Select.Option value="">{t("engagements.filters.all")}</Select.Option>
                {ENGAGEMENT_KINDS.map((k) => (
                  <Select.Option key={k} value={k}>
                    {t(`engagements.kind.${k}`)}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Field>
              <Label htmlFor="eng-f-year">{t("engagements.filters.year")}</Label>
              <Select id="eng-f-year" value={filters.year} onChange={(e) => setFilters({ ...filters, year: e.target.value })} width="auto">
                <Select.Option value="">{t("engagements.filters.all")}</Select.Option>
                {years.map((y) => (
                  <Select.Option key={y} value={y}>
                    {y}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Field>
              <Label htmlFor="eng-f-role">{t("engagements.filters.role")}</Label>
              <Select id="eng-f-role" value={filters.role} onChange={(e) => setFilters({ ...filters, role: e.target.value })} width="auto">
                <Select.Option value="">{t("engagements.filters.all")}</Select.Option>
                {PARTICIPANT_ROLES.map((r) => (
                  <Select.Option key={r} value={r}>
                    {t(`engagements.role.${r}`)}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Textfield
              id="eng-f-q"
              label={t("engagements.filters.text")}
              value={filters.q}
              onChange={(e) => setFilters({ ...filters, q: e.target.value })}
            />
            <Button type="submit" variant="secondary">
              {t("engagements.filters.apply")}
            </Button>
          </form>
        </search>
        <div aria-live="polite">
          {rows.error && !rows.data ? (
            <ErrorMessage error={rows.error} />
          ) : !rows.data ? (
            <Loading />
          ) : rows.data.length === 0 ? (
            <Paragraph className="nk-muted">{t("engagements.none")}</Paragraph>
          ) : (
            <EngagementTable rows={rows.data} caption={t("logs.rows", { count: rows.data.length })} />
          )}
        </div>
      </section>

      <section aria-labelledby="eng-followups-heading" className="nk-section">
        <Heading level={2} data-size="md" id="eng-followups-heading">
          {t("engagements.followUps.heading")}
        </Heading>
        <FollowUps query={{ open: "true" }} canWrite={writer} caption={t("engagements.followUps.caption")} />
      </section>

      {editor && <LogImportSection prefix="eng" path="/api/engagements/import" help={t("engagements.importHelp")} onImported={refresh} />}
    </div>
  );
}
