/** The counts section, the rows section and the CSV import section the log pages share. */
import { Alert, Button, Heading, Paragraph, Table, TableBody, TableHead, TableHeaderCell, TableRow } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import type { ApiError } from "../../api.js";
import { ErrorMessage, Loading } from "../../components/Feedback.js";
import type { ApiData } from "../../data.js";
import { formatNumber } from "../../format.js";
import { useI18n } from "../../i18n/index.js";
import type { ReferenceBand, SeriesPoint } from "../charts/scale.js";
import { CsvImport } from "./CsvImport.js";
import { ExportLink, SeriesFigure } from "./LogPage.js";

/**
 * A log's counts per period: heading, optional intro, then loading / error / empty / the chart of
 * `series` beside the table (`children` are its body rows). Ids: `${id}-heading` and `${id}-caption`.
 */
export function LogCountsSection({
  id,
  heading,
  intro,
  error,
  loaded,
  none,
  series,
  bands,
  chartTitle,
  chartCaption,
  tableCaption,
  columns,
  children,
}: {
  id: string;
  heading: string;
  intro?: ReactNode;
  error: ApiError | undefined;
  /** The data has arrived (an error is shown only while it has not). */
  loaded: boolean;
  /** Text when there are no periods. */
  none: string;
  series: SeriesPoint[];
  bands?: ReferenceBand[];
  chartTitle: string;
  chartCaption: string;
  tableCaption: string;
  /** Column headings, in order. */
  columns: string[];
  children: ReactNode;
}) {
  const { t, locale } = useI18n();
  const first = series[0];
  const last = series[series.length - 1];
  const captionId = `${id}-caption`;
  return (
    <section aria-labelledby={`${id}-heading`} className="nk-section">
      <Heading level={2} data-size="md" id={`${id}-heading`}>
        {heading}
      </Heading>
      {intro}
      {error && !loaded ? (
        <ErrorMessage error={error} />
      ) : !loaded ? (
        <Loading />
      ) : series.length === 0 ? (
        <Paragraph className="nk-muted">{none}</Paragraph>
      ) : (
        <div className="nk-counts">
          <SeriesFigure
            series={series}
            bands={bands}
            format={{ format: "integer", unit: "count" }}
            title={chartTitle}
            description={
              first && last
                ? t("logs.chartDescription", {
                    count: series.length,
                    from: first.period,
                    to: last.period,
                    last: formatNumber(last.value, locale, 0),
                  })
                : ""
            }
            caption={chartCaption}
            tableId={captionId}
            locale={locale}
          />
          <Table className="nk-table nk-table--stack" data-size="sm" zebra>
            <caption id={captionId} className="nk-table__caption">
              {tableCaption}
            </caption>
            <TableHead>
              <TableRow>
                {columns.map((c) => (
                  <TableHeaderCell key={c}>{c}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>{children}</TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}

/**
 * A log's rows: heading with CSV export and (for editors) a "new" button, the live "saved" message,
 * then loading / error / empty / the table of rows.
 */
export function LogListSection<T>({
  id,
  heading,
  exportHref,
  newLabel,
  onNew,
  saved,
  rows,
  none,
  columns,
  renderRow,
}: {
  /** Id of the section's heading. */
  id: string;
  heading: string;
  exportHref: string;
  newLabel: string;
  /** Shows the "new" button when given. */
  onNew?: () => void;
  saved: string | null;
  rows: ApiData<T[]>;
  /** Text when there are no rows. */
  none: string;
  /** Column headings, in order. */
  columns: string[];
  renderRow: (row: T) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby={id} className="nk-section">
      <div className="nk-section__head">
        <Heading level={2} data-size="md" id={id}>
          {heading}
        </Heading>
        <div className="nk-section__actions">
          <ExportLink href={exportHref}>{t("logs.exportCsv")}</ExportLink>
          {onNew && (
            <Button className="nk-no-print" onClick={onNew}>
              {newLabel}
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
        <Paragraph className="nk-muted">{none}</Paragraph>
      ) : (
        <Table className="nk-table nk-table--stack" data-size="sm" zebra>
          <caption className="nk-table__caption">{t("logs.rows", { count: rows.data.length })}</caption>
          <TableHead>
            <TableRow>
              {columns.map((c) => (
                <TableHeaderCell key={c}>{c}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>{rows.data.map(renderRow)}</TableBody>
        </Table>
      )}
    </section>
  );
}

/**
 * The CSV import section (editors only; the caller decides). `prefix` gives the ids `${prefix}-import(-heading)`;
 * the heading defaults to the logs' "Import" heading.
 */
export function LogImportSection({
  prefix,
  heading,
  path,
  help,
  onImported,
}: {
  prefix: string;
  heading?: string;
  path: string;
  help: string;
  onImported: () => void;
}) {
  const { t } = useI18n();
  const headingId = `${prefix}-import-heading`;
  return (
    <section aria-labelledby={headingId} className="nk-section nk-no-print nk-form-section">
      <Heading level={2} data-size="md" id={headingId}>
        {heading ?? t("logs.importHeading")}
      </Heading>
      <CsvImport id={`${prefix}-import`} path={path} headingId={headingId} help={help} onImported={onImported} />
    </section>
  );
}
