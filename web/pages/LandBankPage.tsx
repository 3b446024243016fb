/**
 * Næringsarealer (public): supply against the plan's demand, the areas on a map drawn over a plain
 * background and in a table (the map's text alternative), rezoning applications for signed-in
 * users, CSV export, and import for editors.
 */
import { Heading, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@digdir/designsystemet-react";
import { lazy, Suspense } from "react";
import { urlFor } from "../api.js";
import { PlainLink } from "../components/AppLink.js";
import { ErrorMessage, Loading } from "../components/Feedback.js";
import { invalidate, useEndpoint } from "../data.js";
import { lacksFigures, MissingTags, m2, RezoningTable, SupplySummary } from "../features/land/LandParts.js";
import { CsvImport } from "../features/logs/CsvImport.js";
import { ExportLink, LogHead } from "../features/logs/LogPage.js";
import { canWrite } from "../features/session/rights.js";
import { useSession } from "../features/session/session.js";
import { useI18n } from "../i18n/index.js";
import { hrefFor } from "../router.js";
import "../styles/logs.css";

const LandMap = lazy(() => import("../features/land/LandMap.js"));

export default function LandBankPage() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const editor = canWrite(user, false);
  const supply = useEndpoint("GET /api/land-bank/supply");
  const areas = useEndpoint("GET /api/land-bank/areas");
  const rezoning = useEndpoint(user ? "GET /api/land-bank/rezoning-applications" : null);
  const list = areas.data ?? [];
  const mapped = list.filter((a) => a.geometry);
  const cols = {
    name: t("land.col.name"),
    centre: t("land.col.centre"),
    status: t("land.col.status"),
    total: t("land.col.total"),
    available: t("land.col.available"),
    planned: t("land.col.planned"),
    site: t("land.col.site"),
    missing: t("land.col.missing"),
  };

  return (
    <div className="nk-container nk-log-page nk-land">
      <LogHead title={t("land.title")} lead={t("land.lead")} parent="overview" />

      <section aria-labelledby="land-supply-heading" className="nk-section">
        <Heading level={2} data-size="md" id="land-supply-heading">
          {t("land.supplyHeading")}
        </Heading>
        {supply.error && !supply.data ? (
          <ErrorMessage error={supply.error} />
        ) : !supply.data ? (
          <Loading />
        ) : (
          <SupplySummary report={supply.data} />
        )}
      </section>

      <section aria-labelledby="land-map-heading" className="nk-section">
        <div className="nk-section__head">
          <Heading level={2} data-size="md" id="land-map-heading">
            {t("land.mapHeading")}
          </Heading>
          <ExportLink href={urlFor("GET /api/land-bank/areas.csv")}>{t("logs.exportCsv")}</ExportLink>
        </div>
        {areas.error && !areas.data ? (
          <ErrorMessage error={areas.error} />
        ) : !areas.data ? (
          <Loading />
        ) : (
          <>
            {mapped.length === 0 ? (
              <Paragraph className="nk-muted">{t("land.map.none")}</Paragraph>
            ) : (
              <figure className="nk-map-figure" aria-labelledby="land-map-caption">
                <Suspense fallback={<div className="nk-chart-placeholder" />}>
                  <LandMap areas={mapped} title={t("land.map.title", { count: mapped.length })} />
                </Suspense>
                <figcaption id="land-map-caption" className="nk-figure__caption">
                  {t("land.map.caption", { mapped: mapped.length, count: list.length })}{" "}
                  {mapped.some(lacksFigures) && t("land.map.hatched")}
                </figcaption>
              </figure>
            )}
            <Table className="nk-table nk-table--stack" data-size="sm" zebra id="land-areas-table">
              <caption className="nk-table__caption">{t("land.tableCaption", { count: list.length })}</caption>
              <TableHead>
                <TableRow>
                  {Object.values(cols).map((c) => (
                    <TableHeaderCell key={c}>{c}</TableHeaderCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {list.map((a) => (
                  <TableRow key={a.id}>
                    <TableCell data-label={cols.name}>
                      <PlainLink href={hrefFor({ name: "land-area", key: a.key })} className="nk-link">
                        {a.name}
                      </PlainLink>
                    </TableCell>
                    <TableCell data-label={cols.centre}>{a.centre ?? "–"}</TableCell>
                    <TableCell data-label={cols.status}>{a.status ? t(`land.status.${a.status}`) : t("land.status.unknown")}</TableCell>
                    <TableCell data-label={cols.total} className="nk-num">
                      {m2(a.totalM2, locale)}
                    </TableCell>
                    <TableCell data-label={cols.available} className="nk-num">
                      {m2(a.availableM2, locale)}
                    </TableCell>
                    <TableCell data-label={cols.planned} className="nk-num">
                      {m2(a.plannedM2, locale)}
                    </TableCell>
                    <TableCell data-label={cols.site} className="nk-num">
                      {m2(a.siteAreaM2 === null ? null : Math.round(a.siteAreaM2), locale)}
                    </TableCell>
                    <TableCell data-label={cols.missing}>
                      <MissingTags area={a} none="–" />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </section>

      {user && (
        <section aria-labelledby="land-rezoning-heading" className="nk-section">
          <Heading level={2} data-size="md" id="land-rezoning-heading">
            {t("land.rezoning.heading")}
          </Heading>
          <Paragraph className="nk-muted">{t("land.rezoning.intro")}</Paragraph>
          {rezoning.error && !rezoning.data ? (
            <ErrorMessage error={rezoning.error} />
          ) : !rezoning.data ? (
            <Loading />
          ) : rezoning.data.length === 0 ? (
            <Paragraph className="nk-muted">{t("land.rezoning.none")}</Paragraph>
          ) : (
            <RezoningTable items={rezoning.data} caption={t("logs.rows", { count: rezoning.data.length })} />
          )}
        </section>
      )}

      {editor && (
        <section aria-labelledby="land-import-heading" className="nk-section nk-no-print nk-form-section">
          <Heading level={2} data-size="md" id="land-import-heading">
            {t("land.importHeading")}
          </Heading>
          <CsvImport
            id="land-import"
            path="/api/land-bank/areas.csv"
            headingId="land-import-heading"
            help={t("land.importHelp")}
            onImported={() => invalidate((p) => p.startsWith("/api/land-bank/"))}
          />
        </section>
      )}
    </div>
  );
}
