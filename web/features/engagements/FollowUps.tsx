/** Follow-up tasks: the open ones with the overdue first, and a button to mark one done. */
import { Button, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Tag } from "@digdir/designsystemet-react";
import { useState } from "react";
import { todayInOslo } from "../../../core/periods.js";
import { api } from "../../api.js";
import { ErrorMessage, Loading } from "../../components/Feedback.js";
import { invalidate, useEndpoint } from "../../data.js";
import { formatDate } from "../../format.js";
import { useI18n } from "../../i18n/index.js";
import { type FollowUpItem, isEngagementPath } from "./types.js";

/** Which tasks: the open ones, or those of one company. */
export type FollowUpFilter = { open: "true" } | { orgnr: string };

export function FollowUps({ query, canWrite, caption }: { query: FollowUpFilter; canWrite: boolean; caption: string }) {
  const { t, locale } = useI18n();
  const rows = useEndpoint("GET /api/engagements/follow-ups", { query });
  const [busy, setBusy] = useState<string | null>(null);
  const done = async (f: FollowUpItem) => {
    setBusy(f.id);
    try {
      await api("PATCH /api/engagements/follow-ups/:id", { params: { id: f.id }, body: { doneOn: todayInOslo() } });
      invalidate(isEngagementPath);
    } finally {
      setBusy(null);
    }
  };
  if (rows.error && !rows.data) return <ErrorMessage error={rows.error} />;
  if (!rows.data) return <Loading />;
  if (rows.data.length === 0) return <Paragraph className="nk-muted">{t("engagements.followUps.none")}</Paragraph>;
  const cols = [
    t("engagements.followUps.task"),
    t("engagements.followUps.owner"),
    t("engagements.followUps.due"),
    t("engagements.followUps.engagement"),
    t("engagements.followUps.status"),
  ];
  return (
    <Table className="nk-table nk-table--stack" data-size="sm" zebra>
      <caption className="nk-table__caption">{caption}</caption>
      <TableHead>
        <TableRow>
          {cols.map((c) => (
            <TableHeaderCell key={c}>{c}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.data.map((f) => (
          <TableRow key={f.id}>
            <TableCell data-label={cols[0]}>{f.task}</TableCell>
            <TableCell data-label={cols[1]}>{[f.owner, f.department].filter(Boolean).join(", ") || "–"}</TableCell>
            <TableCell data-label={cols[2]}>{f.dueDate ? formatDate(f.dueDate, locale) : "–"}</TableCell>
            <TableCell data-label={cols[3]}>
              {formatDate(f.engagementDate, locale)} {f.engagementTitle}
            </TableCell>
            <TableCell data-label={cols[4]}>
              {f.doneOn ? (
                t("engagements.followUps.doneOn", { date: formatDate(f.doneOn, locale) })
              ) : (
                <span className="nk-inline-actions">
                  {f.overdue && (
                    <Tag data-size="sm" data-color="danger" variant="outline">
                      {t("engagements.followUps.overdue")}
                    </Tag>
                  )}
                  {canWrite && (
                    <Button data-size="sm" variant="secondary" loading={busy === f.id} onClick={() => void done(f)}>
                      {t("engagements.followUps.markDone")}
                    </Button>
                  )}
                </span>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
