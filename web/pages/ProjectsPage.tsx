/** Projects: established per year by kind (table and chart), the projects, a new project, CSV. */
import { Paragraph, TableCell, TableRow, Tag } from "@digdir/designsystemet-react";
import { useState } from "react";
import { PROJECT_KINDS } from "../../core/projects/vocabulary.js";
import { invalidate, useEndpoint } from "../data.js";
import { projectsPerYear } from "../features/logs/counts.js";
import { EntryDialog } from "../features/logs/EntryDialog.js";
import { PROJECT_ENTRY } from "../features/logs/entries.js";
import { LogCountsSection, LogImportSection, LogListSection } from "../features/logs/LogList.js";
import { LogHead, LogTargets, RequireUser, usePlanTargets } from "../features/logs/LogPage.js";
import { isLogDataPath, LOG_INDICATORS } from "../features/logs/logs.js";
import { canWrite } from "../features/session/rights.js";
import { useSession } from "../features/session/session.js";
import { formatDate, formatNumber } from "../format.js";
import { useI18n } from "../i18n/index.js";
import type { ProjectView } from "../types.js";
import "../styles/logs.css";

export default function ProjectsPage() {
  const { t } = useI18n();
  return (
    <RequireUser route={{ name: "projects" }} title={t("projects.title")} lead={t("projects.lead")}>
      <Projects />
    </RequireUser>
  );
}

function Projects() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const editor = canWrite(user, false);
  const readers = usePlanTargets(LOG_INDICATORS.projects);
  const projects = useEndpoint("GET /api/projects");
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const refresh = () => invalidate(isLogDataPath("/api/projects"));
  const n = (v: number) => formatNumber(v, locale, 0);
  const years = projectsPerYear(projects.data ?? []);
  const series = years.map((y) => ({ period: y.year, value: y.total }));
  const cols: [string, string][] = [
    ["year", t("projects.col.year")],
    ["total", t("projects.col.established")],
    ...PROJECT_KINDS.map((k): [string, string] => [k, t(`projects.kind.${k}`)]),
  ];
  const list = {
    title: t("projects.field.title"),
    kind: t("projects.field.kind"),
    status: t("projects.field.status"),
    established: t("projects.field.established"),
    period: t("projects.col.period"),
    partners: t("projects.col.partners"),
    measure: t("projects.col.measure"),
  };

  return (
    <div className="nk-container nk-log-page">
      <LogHead title={t("projects.title")} lead={t("projects.lead")} />

      <LogCountsSection
        id="prj-counts"
        heading={t("projects.countsHeading")}
        intro={<Paragraph className="nk-muted">{t("projects.countingRule")}</Paragraph>}
        error={projects.error}
        loaded={!!projects.data}
        none={t("projects.noneEstablished")}
        series={series}
        chartTitle={t("projects.chartTitle")}
        chartCaption={t("projects.chartCaption")}
        tableCaption={t("projects.countsCaption")}
        columns={cols.map(([, c]) => c)}
      >
        {years.map((y) => (
          <TableRow key={y.year}>
            <TableCell data-label={cols[0]?.[1]}>{y.year}</TableCell>
            <TableCell data-label={cols[1]?.[1]} className="nk-num">
              {n(y.total)}
            </TableCell>
            {PROJECT_KINDS.map((k, i) => (
              <TableCell key={k} data-label={cols[2 + i]?.[1]} className="nk-num">
                {n(y.byKind[k])}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </LogCountsSection>

      <LogTargets readers={readers} id="prj-targets-heading" />

      <LogListSection
        id="prj-list-heading"
        heading={t("projects.listHeading")}
        exportHref="/api/projects.csv"
        newLabel={t("projects.new")}
        onNew={editor ? () => setOpen(true) : undefined}
        saved={saved}
        rows={projects}
        none={t("projects.none")}
        columns={Object.values(list)}
        renderRow={(p) => (
          <TableRow key={p.id}>
            <TableCell data-label={list.title}>
              <span>
                {p.title}
                <span className="nk-cell-note">
                  <code>{p.key}</code>
                </span>
              </span>
            </TableCell>
            <TableCell data-label={list.kind}>{t(`projects.kind.${p.kind}`)}</TableCell>
            <TableCell data-label={list.status}>
              <Tag data-size="sm" variant="outline" data-color={p.status === "cancelled" ? "danger" : "neutral"}>
                {t(`projects.status.${p.status}`)}
              </Tag>
            </TableCell>
            <TableCell data-label={list.established}>{p.establishedDate ? formatDate(p.establishedDate, locale) : "–"}</TableCell>
            <TableCell data-label={list.period}>
              {p.startDate || p.endDate
                ? `${p.startDate ? formatDate(p.startDate, locale) : "…"}–${p.endDate ? formatDate(p.endDate, locale) : ""}`
                : "–"}
            </TableCell>
            <TableCell data-label={list.partners}>{p.partners.length > 0 ? p.partners.join(", ") : "–"}</TableCell>
            <TableCell data-label={list.measure}>{p.measureKey ?? "–"}</TableCell>
          </TableRow>
        )}
      />

      {editor && <LogImportSection prefix="prj" path="/api/projects/import" help={t("projects.importHelp")} onImported={refresh} />}

      {editor && (
        <EntryDialog<ProjectView>
          id="prj-new"
          open={open}
          title={t("projects.new")}
          kind={PROJECT_ENTRY}
          path="/api/projects"
          onClose={() => setOpen(false)}
          onSaved={(p) => {
            setOpen(false);
            setSaved(t("projects.saved", { title: p.title }));
            refresh();
          }}
        />
      )}
    </div>
  );
}
