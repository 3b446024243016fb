/** Etablerertjenesten: sessions and participants per year (table and chart), the sessions, a new session, CSV. */
import { TableCell, TableRow } from "@digdir/designsystemet-react";
import { useState } from "react";
import { invalidate, useEndpoint } from "../data.js";
import { EntryDialog } from "../features/logs/EntryDialog.js";
import { SESSION_ENTRY } from "../features/logs/entries.js";
import { LogCountsSection, LogImportSection, LogListSection } from "../features/logs/LogList.js";
import { LogHead, LogTargets, RequireUser, usePlanTargets } from "../features/logs/LogPage.js";
import { isLogDataPath, LOG_INDICATORS } from "../features/logs/logs.js";
import { canWrite } from "../features/session/rights.js";
import { useSession } from "../features/session/session.js";
import { formatDate, formatNumber } from "../format.js";
import { useI18n } from "../i18n/index.js";
import type { EntrepreneurSession } from "../types.js";
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
  const counts = useEndpoint("GET /api/entrepreneurs/counts");
  const sessions = useEndpoint("GET /api/entrepreneurs/sessions");
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const refresh = () => invalidate(isLogDataPath("/api/entrepreneurs"));
  const n = (v: number) => formatNumber(v, locale, 0);
  const years = counts.data ?? [];
  const series = years.map((y) => ({ period: y.year, value: y.participants }));
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

      <LogCountsSection
        id="ent-counts"
        heading={t("entrepreneurs.countsHeading")}
        error={counts.error}
        loaded={!!counts.data}
        none={t("entrepreneurs.none")}
        series={series}
        chartTitle={t("entrepreneurs.chartTitle")}
        chartCaption={t("entrepreneurs.chartCaption")}
        tableCaption={t("entrepreneurs.countsCaption")}
        columns={Object.values(cols)}
      >
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
      </LogCountsSection>

      <LogTargets readers={readers} id="ent-targets-heading" />

      <LogListSection
        id="ent-list-heading"
        heading={t("entrepreneurs.listHeading")}
        exportHref="/api/entrepreneurs/sessions.csv"
        newLabel={t("entrepreneurs.new")}
        onNew={editor ? () => setOpen(true) : undefined}
        saved={saved}
        rows={sessions}
        none={t("entrepreneurs.none")}
        columns={Object.values(list)}
        renderRow={(s) => (
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
        )}
      />

      {editor && (
        <LogImportSection
          prefix="ent"
          path="/api/entrepreneurs/sessions/import"
          help={t("entrepreneurs.importHelp")}
          onImported={refresh}
        />
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
