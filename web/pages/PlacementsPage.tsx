/** LIA and school–business placements: per school year (table and chart with the plan's target), the rows, a new row, CSV. */
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
import type { ReferenceBand } from "../features/charts/scale.js";
import { referenceFor } from "../features/indicators/reference.js";
import { CsvImport } from "../features/logs/CsvImport.js";
import { EntryDialog } from "../features/logs/EntryDialog.js";
import { PLACEMENT_ENTRY, SECTORS } from "../features/logs/entries.js";
import { ExportLink, LogHead, LogTargets, RequireUser, SeriesFigure, usePlanTargets } from "../features/logs/LogPage.js";
import { isLogDataPath, LOG_INDICATORS } from "../features/logs/logs.js";
import { canWrite } from "../features/session/rights.js";
import { useSession } from "../features/session/session.js";
import { formatNumber } from "../format.js";
import { useI18n } from "../i18n/index.js";
import type { PlacementTotals, PlacementView } from "../types.js";
import "../styles/logs.css";

export default function PlacementsPage() {
  const { t } = useI18n();
  return (
    <RequireUser route={{ name: "placements" }} title={t("placements.title")} lead={t("placements.lead")}>
      <Placements />
    </RequireUser>
  );
}

function Placements() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const editor = canWrite(user, false);
  const readers = usePlanTargets(LOG_INDICATORS.placements);
  const totals = useApi<PlacementTotals>("/api/placements/totals");
  const rows = useApi<PlacementView[]>("/api/placements");
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const refresh = () => invalidate(isLogDataPath("/api/placements"));
  const n = (v: number) => formatNumber(v, locale, 0);
  const years = totals.data ?? [];
  const series = years.map((y) => ({ period: y.schoolYear, value: y.placements }));
  const bands = readers
    .map((r) => {
      const band = referenceFor(r.target, "school_year", "sum", "");
      if (!band) return null;
      const kind = r.target.spec.type === "at_most" ? "atMost" : r.target.spec.type === "at_least" ? "atLeast" : "range";
      return { ...band, label: t(`logs.targetLine.${kind}`, { value: n(band.from), to: n(band.to) }) };
    })
    .filter((b): b is ReferenceBand => b !== null);
  const first = years[0];
  const last = years[years.length - 1];
  const cols: [string, string][] = [
    ["schoolYear", t("placements.field.schoolYear")],
    ["placements", t("placements.col.placements")],
    ["companies", t("placements.col.companies")],
    ...SECTORS.map((s): [string, string] => [s, t("placements.col.bySector", { sector: t(`placements.sector.${s}`) })]),
  ];
  const list = {
    schoolYear: t("placements.field.schoolYear"),
    company: t("placements.field.company"),
    orgnr: t("placements.col.orgnr"),
    sector: t("placements.field.sector"),
    school: t("placements.col.school"),
    placements: t("placements.col.placements"),
  };

  return (
    <div className="nk-container nk-log-page">
      <LogHead title={t("placements.title")} lead={t("placements.lead")} />

      <section aria-labelledby="lia-totals-heading" className="nk-section">
        <Heading level={2} data-size="md" id="lia-totals-heading">
          {t("placements.totalsHeading")}
        </Heading>
        {totals.error && !totals.data ? (
          <ErrorMessage error={totals.error} />
        ) : !totals.data ? (
          <Loading />
        ) : years.length === 0 ? (
          <Paragraph className="nk-muted">{t("placements.none")}</Paragraph>
        ) : (
          <div className="nk-counts">
            <SeriesFigure
              series={series}
              bands={bands}
              format={{ format: "integer", unit: "count" }}
              title={t("placements.chartTitle")}
              description={
                first && last
                  ? t("logs.chartDescription", {
                      count: series.length,
                      from: first.schoolYear,
                      to: last.schoolYear,
                      last: n(last.placements),
                    })
                  : ""
              }
              caption={bands.length > 0 ? t("placements.chartCaptionTarget") : t("placements.chartCaption")}
              tableId="lia-totals-caption"
              locale={locale}
            />
            <Table className="nk-table nk-table--stack" data-size="sm" zebra>
              <caption id="lia-totals-caption" className="nk-table__caption">
                {t("placements.totalsCaption")}
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
                  <TableRow key={y.schoolYear}>
                    <TableCell data-label={cols[0]?.[1]}>{y.schoolYear}</TableCell>
                    <TableCell data-label={cols[1]?.[1]} className="nk-num">
                      {n(y.placements)}
                    </TableCell>
                    <TableCell data-label={cols[2]?.[1]} className="nk-num">
                      {n(y.companies)}
                    </TableCell>
                    {SECTORS.map((s, i) => (
                      <TableCell key={s} data-label={cols[3 + i]?.[1]} className="nk-num">
                        {n(y.bySector.find((b) => b.sector === s)?.placements ?? 0)}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>

      <LogTargets readers={readers} id="lia-targets-heading" />

      <section aria-labelledby="lia-list-heading" className="nk-section">
        <div className="nk-section__head">
          <Heading level={2} data-size="md" id="lia-list-heading">
            {t("placements.listHeading")}
          </Heading>
          <div className="nk-section__actions">
            <ExportLink href="/api/placements.csv">{t("logs.exportCsv")}</ExportLink>
            {editor && (
              <Button className="nk-no-print" onClick={() => setOpen(true)}>
                {t("placements.new")}
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
        {rows.error && !rows.data ? (
          <ErrorMessage error={rows.error} />
        ) : !rows.data ? (
          <Loading />
        ) : rows.data.length === 0 ? (
          <Paragraph className="nk-muted">{t("placements.none")}</Paragraph>
        ) : (
          <Table className="nk-table nk-table--stack" data-size="sm" zebra>
            <caption className="nk-table__caption">{t("logs.rows", { count: rows.data.length })}</caption>
            <TableHead>
              <TableRow>
                {Object.values(list).map((c) => (
                  <TableHeaderCell key={c}>{c}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.data.map((p) => (
                <TableRow key={p.id}>
                  <TableCell data-label={list.schoolYear}>{p.schoolYear}</TableCell>
                  <TableCell data-label={list.company}>{p.companyName}</TableCell>
                  <TableCell data-label={list.orgnr}>{p.orgnr ?? "–"}</TableCell>
                  <TableCell data-label={list.sector}>{t(`placements.sector.${p.sector}`)}</TableCell>
                  <TableCell data-label={list.school}>{p.school ?? "–"}</TableCell>
                  <TableCell data-label={list.placements} className="nk-num">
                    {n(p.placements)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      {editor && (
        <section aria-labelledby="lia-import-heading" className="nk-section nk-no-print nk-form-section">
          <Heading level={2} data-size="md" id="lia-import-heading">
            {t("logs.importHeading")}
          </Heading>
          <CsvImport
            id="lia-import"
            path="/api/placements/import"
            headingId="lia-import-heading"
            help={t("placements.importHelp")}
            onImported={refresh}
          />
        </section>
      )}

      {editor && (
        <EntryDialog<PlacementView>
          id="lia-new"
          open={open}
          title={t("placements.new")}
          kind={PLACEMENT_ENTRY}
          path="/api/placements"
          onClose={() => setOpen(false)}
          onSaved={(p) => {
            setOpen(false);
            setSaved(t("placements.saved", { company: p.companyName, schoolYear: p.schoolYear, count: p.placements }));
            refresh();
          }}
        />
      )}
    </div>
  );
}
