/** /logger/bedriftskontakt/velkommen: companies new in the municipality, to welcome; welcoming one logs an engagement. */
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
import { todayInOslo } from "../../core/periods.js";
import { ApiError, api } from "../api.js";
import { ErrorMessage, Loading } from "../components/Feedback.js";
import { invalidate, useEndpoint } from "../data.js";
import type { WelcomeCandidate } from "../features/engagements/types.js";
import { LogHead, RequireUser } from "../features/logs/LogPage.js";
import { isLogDataPath } from "../features/logs/logs.js";
import { useSession } from "../features/session/session.js";
import { formatDate } from "../format.js";
import { useI18n } from "../i18n/index.js";
import "../styles/logs.css";

export default function EngagementWelcomesPage() {
  const { t } = useI18n();
  return (
    <RequireUser route={{ name: "engagement-welcomes" }} title={t("engagements.welcomes.title")} lead={t("engagements.welcomes.lead")}>
      <Welcomes />
    </RequireUser>
  );
}

function Welcomes() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const editor = user?.role === "admin" || user?.role === "editor";
  const list = useEndpoint("GET /api/engagements/welcome-candidates");
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const welcome = async (c: WelcomeCandidate) => {
    setBusy(c.orgnr);
    setMessage(null);
    try {
      await api("POST /api/engagements/welcomes", {
        body: { orgnr: c.orgnr, name: c.name, reason: c.reason, occurredOn: c.occurredOn, welcomedOn: todayInOslo() },
      });
      setMessage({ ok: true, text: t("engagements.welcomes.done", { name: c.name }) });
      invalidate(isLogDataPath("/api/engagements"));
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiError ? err.message : String(err) });
    } finally {
      setBusy(null);
    }
  };
  const cols = [
    t("engagements.welcomes.company"),
    t("engagements.welcomes.reason"),
    t("engagements.welcomes.date"),
    t("engagements.welcomes.status"),
  ];
  return (
    <div className="nk-container nk-log-page">
      <LogHead title={t("engagements.welcomes.title")} lead={t("engagements.welcomes.lead")} />
      <div aria-live="polite">
        {message && (
          <Alert data-color={message.ok ? "success" : "danger"} className="nk-alert">
            <Paragraph>{message.text}</Paragraph>
          </Alert>
        )}
      </div>
      <section aria-labelledby="welcomes-heading" className="nk-section">
        <Heading level={2} data-size="md" id="welcomes-heading">
          {t("engagements.welcomes.heading")}
        </Heading>
        {list.error && !list.data ? (
          <ErrorMessage error={list.error} />
        ) : !list.data ? (
          <Loading />
        ) : list.data.length === 0 ? (
          <Paragraph className="nk-muted">{t("engagements.welcomes.none")}</Paragraph>
        ) : (
          <Table className="nk-table nk-table--stack" data-size="sm" zebra>
            <caption className="nk-table__caption">{t("logs.rows", { count: list.data.length })}</caption>
            <TableHead>
              <TableRow>
                {cols.map((c) => (
                  <TableHeaderCell key={c}>{c}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {list.data.map((c) => (
                <TableRow key={c.orgnr}>
                  <TableCell data-label={cols[0]}>
                    {c.name} <span className="nk-muted">({c.orgnr})</span>
                  </TableCell>
                  <TableCell data-label={cols[1]}>{t(`engagements.welcomes.reasons.${c.reason}`)}</TableCell>
                  <TableCell data-label={cols[2]}>{c.occurredOn ? formatDate(c.occurredOn, locale) : "–"}</TableCell>
                  <TableCell data-label={cols[3]}>
                    {c.welcomedOn ? (
                      t("engagements.welcomes.welcomedOn", { date: formatDate(c.welcomedOn, locale) })
                    ) : editor ? (
                      <Button data-size="sm" variant="secondary" loading={busy === c.orgnr} onClick={() => void welcome(c)}>
                        {t("engagements.welcomes.mark", { name: c.name })}
                      </Button>
                    ) : (
                      "–"
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
}
