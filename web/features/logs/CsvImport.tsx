/**
 * CSV import for a log: a file input (Designsystemet FileUpload), POSTed as the raw `text/csv`
 * body (the server detects UTF-8 or Windows-1252). A good file shows the summary — encoding,
 * rows read, new, changed, unchanged; a bad one (400, nothing written) lists every row error
 * with its line number in an error summary that takes focus.
 */
import {
  Alert,
  Button,
  ErrorSummary,
  ErrorSummaryHeading,
  ErrorSummaryItem,
  ErrorSummaryLink,
  ErrorSummaryList,
  Field,
  EXPERIMENTAL_FileUpload as FileUpload,
  Heading,
  Label,
  Paragraph,
  ValidationMessage,
} from "@digdir/designsystemet-react";
import { type ComponentRef, type FormEvent, useEffect, useRef, useState } from "react";
import { ApiError, apiPath, apiUpload } from "../../api.js";
import { errorText } from "../../components/Feedback.js";
import { formatNumber } from "../../format.js";
import { useI18n } from "../../i18n/index.js";
import { linesWithErrors, type RowError, rowErrors } from "./importErrors.js";

export interface ImportSummaryView {
  fileName: string;
  encoding: string;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Building cases answer `read`, the other logs `rowsRead`. */
function summaryOf(
  fileName: string,
  r: { encoding: string; read?: number; rowsRead?: number; inserted: number; updated: number; unchanged: number },
): ImportSummaryView {
  return {
    fileName,
    encoding: r.encoding,
    read: r.read ?? r.rowsRead ?? 0,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
  };
}

export function encodingName(e: string): string {
  const s = e.toLowerCase();
  if (s === "utf-8" || s === "utf8") return "UTF-8";
  if (s === "windows-1252" || s === "cp1252") return "Windows-1252";
  return e;
}

export function CsvImport({
  id,
  path,
  headingId,
  onImported,
  help,
}: {
  /** Prefix for element ids (one import per log on a page). */
  id: string;
  /** The import endpoint, e.g. /api/building-cases/import. */
  path: string;
  headingId: string;
  onImported: () => void;
  /** What the file must look like (columns). */
  help: string;
}) {
  const { t, locale } = useI18n();
  const inputId = `${id}-file`;
  const input = useRef<HTMLInputElement>(null);
  const summaryRef = useRef<ComponentRef<typeof ErrorSummary>>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [rows, setRows] = useState<RowError[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportSummaryView | null>(null);
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves once per failed attempt.
  useEffect(() => {
    if (attempt > 0 && rows.length > 0) summaryRef.current?.focus();
  }, [attempt]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    setFormError(null);
    setRows([]);
    if (!file) {
      setFileError(t("csvImport.chooseFirst"));
      input.current?.focus();
      return;
    }
    setFileError(null);
    setBusy(true);
    try {
      const r = await apiUpload<Parameters<typeof summaryOf>[1]>(apiPath(path, { fileName: file.name }), file);
      setResult(summaryOf(file.name, r));
      setFile(null);
      if (input.current) input.current.value = "";
      onImported();
    } catch (err) {
      const apiErr = err instanceof ApiError ? err : undefined;
      if (apiErr && apiErr.status === 400 && apiErr.details.length > 0) {
        setRows(rowErrors(apiErr.details));
        setAttempt((n) => n + 1);
      } else if (apiErr && apiErr.status === 400) setFormError(apiErr.message);
      else setFormError(errorText(t, apiErr));
    } finally {
      setBusy(false);
    }
  };

  const n = (v: number) => formatNumber(v, locale, 0);
  const lines = linesWithErrors(rows);

  return (
    <form className="nk-form nk-import" onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
      {rows.length > 0 && (
        <ErrorSummary ref={summaryRef} tabIndex={-1} className="nk-error-summary">
          <ErrorSummaryHeading level={3} data-size="xs">
            {lines > 0 ? t("csvImport.errorsHeading", { count: lines }) : t("csvImport.fileErrorHeading")}
          </ErrorSummaryHeading>
          <Paragraph data-size="sm">{t("csvImport.nothingImported")}</Paragraph>
          <ErrorSummaryList className="nk-import__errors">
            {rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole on every attempt.
              <ErrorSummaryItem key={i}>
                <ErrorSummaryLink
                  href={`#${inputId}`}
                  onClick={(e) => {
                    e.preventDefault();
                    input.current?.focus();
                  }}
                >
                  {r.line !== null
                    ? r.column
                      ? t("csvImport.rowErrorColumn", { line: r.line, column: r.column, message: r.message })
                      : t("csvImport.rowError", { line: r.line, message: r.message })
                    : r.message}
                </ErrorSummaryLink>
              </ErrorSummaryItem>
            ))}
          </ErrorSummaryList>
        </ErrorSummary>
      )}
      {formError && (
        <Alert data-color="danger" className="nk-alert">
          <Paragraph>{formError}</Paragraph>
        </Alert>
      )}
      <div aria-live="polite" className="nk-live">
        {result && (
          <Alert data-color="success" className="nk-alert nk-import__result">
            <Heading level={3} data-size="xs">
              {t("csvImport.doneHeading", { file: result.fileName })}
            </Heading>
            <dl className="nk-import__summary">
              <div>
                <dt>{t("csvImport.encoding")}</dt>
                <dd>{encodingName(result.encoding)}</dd>
              </div>
              <div>
                <dt>{t("csvImport.read")}</dt>
                <dd>{n(result.read)}</dd>
              </div>
              <div>
                <dt>{t("csvImport.inserted")}</dt>
                <dd>{n(result.inserted)}</dd>
              </div>
              <div>
                <dt>{t("csvImport.updated")}</dt>
                <dd>{n(result.updated)}</dd>
              </div>
              <div>
                <dt>{t("csvImport.unchanged")}</dt>
                <dd>{n(result.unchanged)}</dd>
              </div>
            </dl>
          </Alert>
        )}
      </div>
      <Field>
        <Label htmlFor={inputId}>{t("csvImport.fileLabel")}</Label>
        <Paragraph data-size="sm" className="nk-muted" id={`${id}-help`}>
          {help}
        </Paragraph>
        <FileUpload className="nk-import__drop">
          <Paragraph data-size="sm">{file ? t("csvImport.chosen", { file: file.name }) : t("csvImport.dropHint")}</Paragraph>
          <input
            ref={input}
            id={inputId}
            type="file"
            accept=".csv,text/csv"
            aria-describedby={`${id}-help`}
            aria-invalid={fileError || rows.length > 0 ? true : undefined}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setFileError(null);
            }}
          />
        </FileUpload>
        {fileError && <ValidationMessage>{fileError}</ValidationMessage>}
      </Field>
      <div className="nk-form__actions">
        <Button type="submit" loading={busy} disabled={busy}>
          {t("csvImport.submit")}
        </Button>
      </div>
    </form>
  );
}
