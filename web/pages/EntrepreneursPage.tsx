/** Etablerertjenesten: sessions and participants per year (table and chart), the sessions, a new session, CSV. */
import {
  Alert,
  Button,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@digdir/designsystemet-react";
import { useState } from "react";
import { ErrorMessage, Loading } from "../components/Feedback.js";
import { invalidate, useApi } from "../data.js";
import { CsvImport } from "../features/logs/CsvImport.js";
import { EntryDialog } from "../features/logs/EntryDialog.js";
import { SESSION_ENTRY } from "../features/logs/entries.js";
import { ExportLink, LogHead, LogTargets, RequireUser, SeriesFigure, usePlanTargets } from "../features/logs/LogPage.js";
import { isLogDataPath, LOG_INDICATORS } from "../features/logs/logs.js";
import { canWrite } from "../features/session/rights.js";
import { useSession } from "../features/session/session.js";
import { formatDate, formatNumber } from "../format.js";
import { useI18n } from "../i18n/index.js";
import type { EntrepreneurSession, EntrepreneurYear } from "../types.js";
import "../styles/logs.css";

/** Municipalities the shared service covers (today's numbers). */
const MUNICIPALITIES: Record<string, string> = { "3201": "Bærum", "3203": "Asker" };
const municipalityName = (code: string) => (MUNICIPALITIES[code] ? `${code} ${MUNICIPALITIES[code]}` : code);

export default function EntrepreneursPage() {
  const { t } = useI18n();
  return (
    <RequireUser route={{ name: "entrepreneurs" }} title={t("entrepreneurs.title")} lead={t("entrepreneurs.lead")}>
      <Entrepreneurs />
    </RequireUser>
  );
}

function Entrepreneurs() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const editor = canWrite(user, false);
  const readers = usePlanTargets(LOG_INDICATORS.entrepreneurs);
  const counts = useApi<EntrepreneurYear[]>("/api/entrepreneurs/counts");
  const sessions = useApi<EntrepreneurSession[]>("/api/entrepreneurs/sessions");
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const refresh = () => invalidate(isLogDataPath("/api/entrepreneurs"));
  const n = (v: number) => formatNumber(v, locale, 0);
  const years = counts.data ?? [];
  const series = years.map((y) => ({ period: y.year, value: y.participants }));
  const first = years[0];
  const last = years[years.length - 1];
  const cols = {
    year: t("entrepreneurs.col.year"),
    sessions: t("entrepreneurs.col.sessions"),
    participants: t("entrepreneurs.col.participants"),
    growth: t("entrepreneurs.col.growth"),
    foreign: t("entrepreneurs.col.foreign"),
    baerum: t("entrepreneurs.col.municipality", { name: municipalityName("3201") }),
  };
  const list = {
    date: t("entrepreneurs.field.date"),
    kind: t("entrepreneurs.field.kind"),
    title: t("entrepreneurs.col.title"),
    participants: t("entrepreneurs.col.participants"),
    growth: t("entrepreneurs.col.growth"),
    foreign: t("entrepreneurs.col.foreign"),
    municipality: t("entrepreneurs.field.municipality"),
  };

  return (
    <div className="nk-container nk-log-page">
      <LogHead title={t("entrepreneurs.title")} lead={t("entrepreneurs.lead")} />

      <section aria-labelledby="ent-counts-heading" className="nk-section">
        <Heading level={2} data-size="md" id="ent-counts-heading">
          {t("entrepreneurs.countsHeading")}
        </Heading>
        {counts.error && !counts.data ? (
          <ErrorMessage error={counts.error} />
        ) : !counts.data ? (
          <Loading />
        ) : years.length === 0 ? (
          <Paragraph className="nk-muted">{t("entrepreneurs.none")}</Paragraph>
        ) : (
          <div className="nk-counts">
            <SeriesFigure
              series={series}
              format={{ format: "integer", unit: "count" }}
              title={t("entrepreneurs.chartTitle")}
              description={
                first && last
                  ? t("logs.chartDescription", { count: series.length, from: first.year, to: last.year, last: n(last.participants) })
                  : ""
              }
              caption={t("entrepreneurs.chartCaption")}
              tableId="ent-counts-caption"
              locale={locale}
            />
            <Table className="nk-table nk-table--stack" data-size="sm" zebra>
              <caption id="ent-counts-caption" className="nk-table__caption">
                {t("entrepreneurs.countsCaption")}
              </caption>
              <TableHead>
                <TableRow>
                  {Object.values(cols).map((c) => (
                    <TableHeaderCell key={c}>{c}</TableHeaderCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {years.map((y) => (
                  <TableRow key={y.year}>
                    <TableCell data-label={cols.year}>{y.year}</TableCell>
                    <TableCell data-label={cols.sessions} className="nk-num">
                      {n(y.sessions)}
                    </TableCell>
                    <TableCell data-label={cols.participants} className="nk-num">
                      {n(y.participants)}
                    </TableCell>
                    <TableCell data-label={cols.growth} className="nk-num">
                      {n(y.participantsGrowthPotential)}
                    </TableCell>
                    <TableCell data-label={cols.foreign} className="nk-num">
                      {n(y.participantsForeignBackground)}
                    </TableCell>
                    <TableCell data-label={cols.baerum} className="nk-num">
                      {n(y.byMunicipality.find((m) => m.homeMunicipality === "3201")?.participants ?? 0)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>

      <LogTargets readers={readers} id="ent-targets-heading" />

      <section aria-labelledby="ent-list-heading" className="nk-section">
        <div className="nk-section__head">
          <Heading level={2} data-size="md" id="ent-list-heading">
            {t("entrepreneurs.listHeading")}
          </Heading>
          <div className="nk-section__actions">
            <ExportLink href="/api/entrepreneurs/sessions.csv">{t("logs.exportCsv")}</ExportLink>
            {editor && (
              <Button className="nk-no-print" onClick={() => setOpen(true)}>
                {t("entrepreneurs.new")}
              </Button>
            )}
          </div>
        </div>
        <div aria-live="polite" className="nk-live">
          {saved && (
            <Alert data-color="success" className="nk-alert">
              <Paragraph>{saved}</Paragraph>
            </Alert>
          )}
        </div>
        {sessions.error && !sessions.data ? (
          <ErrorMessage error={sessions.error} />
        ) : !sessions.data ? (
          <Loading />
        ) : sessions.data.length === 0 ? (
          <Paragraph className="nk-muted">{t("entrepreneurs.none")}</Paragraph>
        ) : (
          <Table className="nk-table nk-table--stack" data-size="sm" zebra>
            <caption className="nk-table__caption">{t("logs.rows", { count: sessions.data.length })}</caption>
            <TableHead>
              <TableRow>
                {Object.values(list).map((c) => (
                  <TableHeaderCell key={c}>{c}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {sessions.data.map((s) => (
                <TableRow key={s.id}>
                  <TableCell data-label={list.date}>{formatDate(s.date, locale)}</TableCell>
                  <TableCell data-label={list.kind}>{t(`entrepreneurs.kind.${s.kind}`)}</TableCell>
                  <TableCell data-label={list.title}>{s.title ?? "–"}</TableCell>
                  <TableCell data-label={list.participants} className="nk-num">
                    {n(s.participants)}
                  </TableCell>
                  <TableCell data-label={list.growth} className="nk-num">
                    {n(s.participantsGrowthPotential)}
                  </TableCell>
                  <TableCell data-label={list.foreign} className="nk-num">
                    {n(s.participantsForeignBackground)}
                  </TableCell>
                  <TableCell data-label={list.municipality}>{municipalityName(s.homeMunicipality)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      {editor && (
        <section aria-labelledby="ent-import-heading" className="nk-section nk-no-print nk-form-section">
          <Heading level={2} data-size="md" id="ent-import-heading">
            {t("logs.importHeading")}
          </Heading>
          <CsvImport
            id="ent-import"
            path="/api/entrepreneurs/sessions/import"
            headingId="ent-import-heading"
            help={t("entrepreneurs.importHelp")}
            onImported={refresh}
          />
        </section>
      )}

      {editor && (
        <EntryDialog<EntrepreneurSession>
          id="ent-new"
          open={open}
          title={t("entrepreneurs.new")}
          kind={SESSION_ENTRY}
          path="/api/entrepreneurs/sessions"
          onClose={() => setOpen(false)}
          onSaved={(s) => {
            setOpen(false);
            setSaved(t("entrepreneurs.saved", { date: formatDate(s.date, locale), count: s.participants }));
            refresh();
          }}
        />
      )}
    </div>
  );
}
