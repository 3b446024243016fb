/**
 * Upload of a Brreg bulk file (editors): the file goes up as the raw body with a progress bar
 * (XMLHttpRequest upload events), then the server imports it in the background and the page
 * polls the job (bytes read, records) until it ends with the summary — read, inserted, updated,
 * unchanged, rejected with line numbers — or an error naming the line.
 */
import {
  Alert,
  Button,
  Field,
  EXPERIMENTAL_FileUpload as FileUpload,
  Heading,
  Label,
  Paragraph,
  Select,
  Textfield,
  ValidationMessage,
} from "@digdir/designsystemet-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { ApiError, api, type OutputOf, urlFor } from "../../api.js";
import { errorText } from "../../components/Feedback.js";
import { invalidate } from "../../data.js";
import { formatDate, formatNumber } from "../../format.js";
import { useI18n } from "../../i18n/index.js";
import type { RegisterImportJob, RegisterImportSummary } from "../../types.js";
import { isActive, normaliseScope, percentOf, scopeText, uploadContentType } from "./figures.js";
import { municipalityName } from "./municipalities.js";
import { uploadWithProgress } from "./upload.js";

type Phase =
  | { name: "idle" }
  | { name: "uploading"; sent: number; total: number }
  | { name: "importing"; job: RegisterImportJob }
  | { name: "done"; job: RegisterImportJob; summary: RegisterImportSummary }
  | { name: "failed"; message: string; line: number | null };

const POLL_MS = 600;
const SHOWN_PROBLEMS = 50;

export function RegisterImport({ idPrefix, headingId }: { idPrefix: string; headingId: string }) {
  const { t, locale } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const alive = useRef(true);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState("");
  const [asOf, setAsOf] = useState("");
  const [scope, setScope] = useState("");
  const [nace, setNace] = useState("");
  const [errors, setErrors] = useState<{ file?: string; scope?: string }>({});
  const [phase, setPhase] = useState<Phase>({ name: "idle" });
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const poll = async (job: RegisterImportJob): Promise<void> => {
    let current = job;
    while (alive.current && isActive(current)) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      current = await api("GET /api/register/imports/:id", { params: { id: current.id } });
      if (alive.current && isActive(current)) setPhase({ name: "importing", job: current });
    }
    if (!alive.current) return;
    if (current.status === "succeeded" && current.summary) {
      setPhase({ name: "done", job: current, summary: current.summary });
      invalidate((p) => p.startsWith("/api/register/"));
    } else {
      setPhase({ name: "failed", message: current.error?.message ?? t("errors.generic"), line: current.error?.line ?? null });
      // A failed import is listed as a failed snapshot (the data are unchanged) and as a job that can be resumed.
      invalidate((p) => p === "/api/register/snapshots" || p === "/api/register/imports");
    }
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const sc = normaliseScope(scope);
    const next = {
      file: file ? undefined : t("register.import.chooseFirst"),
      scope: sc.ok ? undefined : t("register.import.scopeInvalid"),
    };
    setErrors(next);
    if (!file || !sc.ok) {
      if (!file) input.current?.focus();
      else document.getElementById(`${idPrefix}-scope`)?.focus();
      return;
    }
    setPhase({ name: "uploading", sent: 0, total: file.size });
    try {
      const path = urlFor("POST /api/register/imports", {
        query: {
          kind: kind === "enheter" || kind === "underenheter" ? kind : undefined,
          asOf: /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : undefined,
          scope: sc.value,
          nace: nace === "SN2007" || nace === "SN2025" ? nace : undefined,
          fileName: file.name.slice(0, 200),
        },
      });
      const job = await uploadWithProgress<OutputOf<"POST /api/register/imports">>(
        path,
        file,
        uploadContentType(file.name),
        (sent, total) => {
          if (alive.current) setPhase({ name: "uploading", sent, total });
        },
      ).done;
      if (!alive.current) return;
      setPhase({ name: "importing", job });
      await poll(job);
    } catch (err) {
      if (!alive.current) return;
      const apiErr = err instanceof ApiError ? err : undefined;
      const line = apiErr?.details.find((d) => typeof d.line === "number")?.line ?? null;
      setPhase({ name: "failed", message: apiErr && apiErr.status === 400 ? apiErr.message : errorText(t, apiErr), line });
    }
  };

  const busy = phase.name === "uploading" || phase.name === "importing";
  const progress =
    phase.name === "uploading"
      ? percentOf(phase.sent, phase.total)
      : phase.name === "importing"
        ? percentOf(phase.job.bytesRead, phase.job.totalBytes)
        : null;
  const statusText =
    phase.name === "uploading"
      ? t("register.import.uploading")
      : phase.name === "importing"
        ? t("register.import.importing")
        : phase.name === "done"
          ? t("register.import.done", { file: phase.job.fileName })
          : phase.name === "failed"
            ? t("register.import.failedShort")
            : "";

  return (
    <form className="nk-form nk-import nk-register__import" onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
      <Field>
        <Label htmlFor={`${idPrefix}-file`}>{t("register.import.fileLabel")}</Label>
        <Paragraph data-size="sm" className="nk-muted" id={`${idPrefix}-file-help`}>
          {t("register.import.fileHelp")}
        </Paragraph>
        <FileUpload className="nk-import__drop">
          <Paragraph data-size="sm">{file ? t("csvImport.chosen", { file: file.name }) : t("csvImport.dropHint")}</Paragraph>
          <input
            ref={input}
            id={`${idPrefix}-file`}
            type="file"
            accept=".gz,.json,.csv,application/gzip,application/json,text/csv"
            aria-describedby={`${idPrefix}-file-help`}
            aria-invalid={errors.file ? true : undefined}
            disabled={busy}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setErrors((x) => ({ ...x, file: undefined }));
            }}
          />
        </FileUpload>
        {errors.file && <ValidationMessage>{errors.file}</ValidationMessage>}
      </Field>
      <div className="nk-register__options">
        <Field>
          <Label htmlFor={`${idPrefix}-kind`}>{t("register.import.kind")}</Label>
          <Select id={`${idPrefix}-kind`} value={kind} onChange={(e) => setKind(e.target.value)} disabled={busy}>
            <Select.Option value="">{t("register.import.detect")}</Select.Option>
            <Select.Option value="enheter">{t("register.kind.enheter")}</Select.Option>
            <Select.Option value="underenheter">{t("register.kind.underenheter")}</Select.Option>
          </Select>
        </Field>
        <Textfield
          id={`${idPrefix}-asof`}
          label={t("register.import.asOf")}
          description={t("register.import.asOfHelp")}
          type="date"
          value={asOf}
          onChange={(e) => setAsOf(e.target.value)}
          disabled={busy}
        />
        <Textfield
          id={`${idPrefix}-scope`}
          label={t("register.import.scope")}
          description={t("register.import.scopeHelp")}
          value={scope}
          onChange={(e) => setScope(e.target.value)}
          error={errors.scope}
          disabled={busy}
          autoComplete="off"
        />
        <Field>
          <Label htmlFor={`${idPrefix}-nace`}>{t("register.import.nace")}</Label>
          <Select id={`${idPrefix}-nace`} value={nace} onChange={(e) => setNace(e.target.value)} disabled={busy}>
            <Select.Option value="">{t("register.import.detect")}</Select.Option>
            <Select.Option value="SN2007">SN2007</Select.Option>
            <Select.Option value="SN2025">SN2025</Select.Option>
          </Select>
        </Field>
      </div>
      <div className="nk-form__actions">
        <Button type="submit" loading={busy} disabled={busy}>
          {t("register.import.submit")}
        </Button>
      </div>

      {/* Announces each phase once; the progress bar and the result show the details. */}
      <div role="status" className="nk-visually-hidden">
        {statusText}
      </div>
      {busy && (
        <div className="nk-register__progress">
          <label htmlFor={`${idPrefix}-progress`}>
            {phase.name === "uploading"
              ? t("register.import.uploadProgress", { sent: bytes(phase.sent, locale), total: bytes(phase.total, locale) })
              : t("register.import.importProgress", {
                  records: formatNumber(phase.name === "importing" ? phase.job.records : 0, locale, 0),
                })}
          </label>
          <progress id={`${idPrefix}-progress`} max={100} value={progress ?? undefined}>
            {progress === null ? "" : `${progress} %`}
          </progress>
        </div>
      )}
      {phase.name === "failed" && (
        <Alert data-color="danger" className="nk-alert">
          <Heading level={3} data-size="xs">
            {t("register.import.failed")}
          </Heading>
          <Paragraph>
            {phase.line !== null
              ? t("register.import.failedLine", { line: phase.line, message: withoutLinePrefix(phase.message) })
              : phase.message}
          </Paragraph>
          <Paragraph data-size="sm">{t("register.import.previousKept")}</Paragraph>
        </Alert>
      )}
      {phase.name === "done" && <ImportResult summary={phase.summary} fileName={phase.job.fileName} />}
    </form>
  );
}

/** The server's message repeats the line ("Line 12: …"); the page names it in its own words. */
function withoutLinePrefix(message: string): string {
  return message.replace(/^Line \d+:\s*/, "");
}

function bytes(n: number, locale: "nb" | "en"): string {
  if (n >= 1024 * 1024) return `${formatNumber(n / (1024 * 1024), locale, 1)} MB`;
  return `${formatNumber(Math.ceil(n / 1024), locale, 0)} kB`;
}

function ImportResult({ summary: s, fileName }: { summary: RegisterImportSummary; fileName: string }) {
  const { t, locale } = useI18n();
  const n = (v: number) => formatNumber(v, locale, 0);
  const items: [string, string][] = [
    [t("register.import.sum.kind"), t(`register.kind.${s.kind}`)],
    [t("register.import.sum.asOf"), formatDate(s.asOf, locale)],
    [t("register.import.sum.scope"), scopeText(s.scope, municipalityName, t("register.scopeNational"))],
    [t("register.import.sum.standard"), s.naceVersion ?? "–"],
    [t("register.import.sum.read"), n(s.read)],
    [t("register.import.sum.inserted"), n(s.inserted)],
    [t("register.import.sum.updated"), n(s.updated)],
    [t("register.import.sum.unchanged"), n(s.unchanged)],
    [t("register.import.sum.removed"), n(s.removed)],
    [t("register.import.sum.rejected"), n(s.rejected)],
    [t("register.import.sum.warnings"), n(s.warnings)],
  ];
  const problems = s.problems.slice(0, SHOWN_PROBLEMS);
  return (
    <Alert data-color={s.rejected > 0 ? "warning" : "success"} className="nk-alert nk-import__result nk-register__result">
      <Heading level={3} data-size="xs">
        {s.alreadyImported ? t("register.import.already", { file: fileName }) : t("register.import.done", { file: fileName })}
      </Heading>
      <dl className="nk-import__summary">
        {items.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {Object.keys(s.unknownCodes).length > 0 && (
        <Paragraph data-size="sm">
          {t("register.import.unknownCodes", {
            codes: Object.entries(s.unknownCodes)
              .slice(0, 20)
              .map(([c, k]) => `${c} (${n(k)})`)
              .join(", "),
          })}
        </Paragraph>
      )}
      {problems.length > 0 && (
        <>
          <Heading level={4} data-size="2xs">
            {t("register.import.problemsHeading", { shown: problems.length, count: s.rejected + s.warnings })}
          </Heading>
          <ul className="nk-import__errors nk-register__problems">
            {problems.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list from one import.
              <li key={i}>
                {t("register.import.problem", {
                  line: p.line,
                  severity: t(`register.import.severity.${p.severity}`),
                  orgnr: p.orgnr ?? "–",
                  message: p.message,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </Alert>
  );
}
