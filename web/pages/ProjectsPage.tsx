/** Projects: established per year by kind (table and chart), the projects, a new project, CSV. */
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
  Tag,
} from "@digdir/designsystemet-react";
import { useState } from "react";
import { ErrorMessage, Loading } from "../components/Feedback.js";
import { invalidate, useApi } from "../data.js";
import { CsvImport } from "../features/logs/CsvImport.js";
import { projectsPerYear } from "../features/logs/counts.js";
import { EntryDialog } from "../features/logs/EntryDialog.js";
import { PROJECT_ENTRY, PROJECT_KINDS } from "../features/logs/entries.js";
import { ExportLink, LogHead, LogTargets, RequireUser, SeriesFigure, usePlanTargets } from "../features/logs/LogPage.js";
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
  const projects = useApi<ProjectView[]>("/api/projects");
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const refresh = () => invalidate(isLogDataPath("/api/projects"));
  const n = (v: number) => formatNumber(v, locale, 0);
  const years = projectsPerYear(projects.data ?? []);
  const series = years.map((y) => ({ period: y.year, value: y.total }));
  const first = years[0];
  const last = years[years.length - 1];
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

      <section aria-labelledby="prj-counts-heading" className="nk-section">
        <Heading level={2} data-size="md" id="prj-counts-heading">
          {t("projects.countsHeading")}
        </Heading>
        <Paragraph className="nk-muted">{t("projects.countingRule")}</Paragraph>
        {projects.error && !projects.data ? (
          <ErrorMessage error={projects.error} />
        ) : !projects.data ? (
          <Loading />
        ) : years.length === 0 ? (
          <Paragraph className="nk-muted">{t("projects.noneEstablished")}</Paragraph>
        ) : (
          <div className="nk-counts">
            <SeriesFigure
              series={series}
              format={{ format: "integer", unit: "count" }}
              title={t("projects.chartTitle")}
              description={
                first && last
                  ? t("logs.chartDescription", { count: series.length, from: first.year, to: last.year, last: n(last.total) })
                  : ""
              }
              caption={t("projects.chartCaption")}
              tableId="prj-counts-caption"
              locale={locale}
            />
            <Table className="nk-table nk-table--stack" data-size="sm" zebra>
              <caption id="prj-counts-caption" className="nk-table__caption">
                {t("projects.countsCaption")}
              </caption>
              <TableHead>
                <TableRow>
                  {cols.map(([k, c]) => (
                    <TableHeaderCell key={k}>{c}</TableHeaderCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
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
              </TableBody>
            </Table>
          </div>
        )}
      </section>

      <LogTargets readers={readers} id="prj-targets-heading" />

      <section aria-labelledby="prj-list-heading" className="nk-section">
        <div className="nk-section__head">
          <Heading level={2} data-size="md" id="prj-list-heading">
            {t("projects.listHeading")}
          </Heading>
          <div className="nk-section__actions">
            <ExportLink href="/api/projects.csv">{t("logs.exportCsv")}</ExportLink>
            {editor && (
              <Button className="nk-no-print" onClick={() => setOpen(true)}>
                {t("projects.new")}
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
        {projects.error && !projects.data ? (
          <ErrorMessage error={projects.error} />
        ) : !projects.data ? (
          <Loading />
        ) : projects.data.length === 0 ? (
          <Paragraph className="nk-muted">{t("projects.none")}</Paragraph>
        ) : (
          <Table className="nk-table nk-table--stack" data-size="sm" zebra>
            <caption className="nk-table__caption">{t("logs.rows", { count: projects.data.length })}</caption>
            <TableHead>
              <TableRow>
                {Object.values(list).map((c) => (
                  <TableHeaderCell key={c}>{c}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {projects.data.map((p) => (
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
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      {editor && (
        <section aria-labelledby="prj-import-heading" className="nk-section nk-no-print nk-form-section">
          <Heading level={2} data-size="md" id="prj-import-heading">
            {t("logs.importHeading")}
          </Heading>
          <CsvImport
            id="prj-import"
            path="/api/projects/import"
            headingId="prj-import-heading"
            help={t("projects.importHelp")}
            onImported={refresh}
          />
        </section>
      )}

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
