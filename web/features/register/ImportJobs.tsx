/**
 * The upload imports (editors): what ran, what failed and why — also across restarts, since jobs
 * are database rows. An interrupted or failed import whose upload is still kept can be resumed
 * (run again from the kept file) or discarded (the file is deleted). While a job is queued or
 * running the list refreshes itself.
 */
import { Button, Paragraph } from "@digdir/designsystemet-react";
import { useEffect, useState } from "react";
import { ApiError, api } from "../../api.js";
import { errorText } from "../../components/Feedback.js";
import { invalidate, useEndpoint } from "../../data.js";
import { formatDateTime, formatNumber } from "../../format.js";
import { useI18n } from "../../i18n/index.js";
import type { RegisterImportJob } from "../../types.js";
import { DataTable } from "./DataTable.js";
import { isActive } from "./figures.js";
import { Section } from "./shared.js";

const REFRESH_MS = 1000;
const JOBS = "/api/register/imports";

export function ImportJobs({ idPrefix }: { idPrefix: string }) {
  const { t, locale } = useI18n();
  const { data } = useEndpoint("GET /api/register/imports");
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const anyActive = (data ?? []).some(isActive);
  useEffect(() => {
    if (!anyActive) return;
    const timer = setInterval(() => invalidate((p) => p === JOBS), REFRESH_MS);
    return () => {
      clearInterval(timer);
      // The run that ended has changed the snapshots and the figures.
      invalidate((p) => p.startsWith("/api/register/"));
    };
  }, [anyActive]);
  if (!data || data.length === 0) return null;

  const act = async (job: RegisterImportJob, action: "resume" | "discard") => {
    setBusy(job.id);
    setMessage(null);
    try {
      if (action === "resume") await api("POST /api/register/imports/:id/resume", { params: { id: job.id } });
      else await api("POST /api/register/imports/:id/discard", { params: { id: job.id } });
      setMessage(t(action === "resume" ? "register.jobs.resumed" : "register.jobs.discarded", { file: job.fileName }));
    } catch (err) {
      setMessage(err instanceof ApiError && err.status === 409 ? err.message : errorText(t, err instanceof ApiError ? err : undefined));
    } finally {
      setBusy(null);
      invalidate((p) => p === JOBS);
    }
  };

  return (
    <Section id={`${idPrefix}-jobs-heading`} title={t("register.jobs.heading")}>
      <div role="status">{message && <Paragraph data-size="sm">{message}</Paragraph>}</div>
      <DataTable
        caption={t("register.jobs.caption")}
        rows={data}
        rowKey={(j) => j.id}
        columns={[
          { label: t("register.jobs.file"), cell: (j) => <span className="nk-register__source-name">{j.fileName}</span> },
          { label: t("register.jobs.started"), cell: (j) => formatDateTime(j.startedAt, locale) },
          { label: t("register.jobs.by"), cell: (j) => j.createdBy ?? "–" },
          {
            label: t("register.col.status"),
            cell: (j) => (
              <>
                {t(`register.jobs.status.${j.status}`)}
                {j.error && <span className="nk-cell-note">{j.error.message}</span>}
              </>
            ),
          },
          { label: t("register.col.read"), cell: (j) => formatNumber(j.records, locale, 0), num: true },
          {
            label: t("register.jobs.actions"),
            cell: (j) =>
              j.canResume ? (
                <span className="nk-register__job-actions">
                  <Button data-size="sm" variant="secondary" disabled={busy !== null} onClick={() => void act(j, "resume")}>
                    {t("register.jobs.resume")}
                  </Button>
                  <Button data-size="sm" variant="tertiary" disabled={busy !== null} onClick={() => void act(j, "discard")}>
                    {t("register.jobs.discard")}
                  </Button>
                </span>
              ) : (
                ""
              ),
          },
        ]}
      />
    </Section>
  );
}
