/** LIA and school–business placements: per school year (table and chart with the plan's target), the rows, a new row, CSV. */
import { TableCell, TableRow } from "@digdir/designsystemet-react";
import { useState } from "react";
import { invalidate, useEndpoint } from "../data.js";
import type { ReferenceBand } from "../features/charts/scale.js";
import { referenceFor } from "../features/indicators/reference.js";
import { EntryDialog } from "../features/logs/EntryDialog.js";
import { PLACEMENT_ENTRY, SECTORS } from "../features/logs/entries.js";
import { LogCountsSection, LogImportSection, LogListSection } from "../features/logs/LogList.js";
import { LogHead, LogTargets, RequireUser, usePlanTargets } from "../features/logs/LogPage.js";
import { isLogDataPath, LOG_INDICATORS } from "../features/logs/logs.js";
import { canWrite } from "../features/session/rights.js";
import { useSession } from "../features/session/session.js";
import { formatNumber } from "../format.js";
import { useI18n } from "../i18n/index.js";
import type { PlacementView } from "../types.js";
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
  const totals = useEndpoint("GET /api/placements/totals");
  const rows = useEndpoint("GET /api/placements");
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

      <LogCountsSection
        id="lia-totals"
        heading={t("placements.totalsHeading")}
        error={totals.error}
        loaded={!!totals.data}
        none={t("placements.none")}
        series={series}
        bands={bands}
        chartTitle={t("placements.chartTitle")}
        chartCaption={bands.length > 0 ? t("placements.chartCaptionTarget") : t("placements.chartCaption")}
        tableCaption={t("placements.totalsCaption")}
        columns={cols.map(([, c]) => c)}
      >
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
      </LogCountsSection>

      <LogTargets readers={readers} id="lia-targets-heading" />

      <LogListSection
        id="lia-list-heading"
        heading={t("placements.listHeading")}
        exportHref="/api/placements.csv"
        newLabel={t("placements.new")}
        onNew={editor ? () => setOpen(true) : undefined}
        saved={saved}
        rows={rows}
        none={t("placements.none")}
        columns={Object.values(list)}
        renderRow={(p) => (
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
        )}
      />

      {editor && <LogImportSection prefix="lia" path="/api/placements/import" help={t("placements.importHelp")} onImported={refresh} />}

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
