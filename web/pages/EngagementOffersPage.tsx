/** /logger/bedriftskontakt/topp-10: the year's ten largest companies and their contact-meeting offers (offered and held). */
import {
  Alert,
  Button,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@digdir/designsystemet-react";
import { useState } from "react";
import { isOfferStatus, OFFER_STATUSES as STATUSES } from "../../core/engagements/vocabulary.js";
import { ApiError, api } from "../api.js";
import { ErrorMessage, Loading } from "../components/Feedback.js";
import { invalidate, useEndpoint } from "../data.js";
import type { OfferView } from "../features/engagements/types.js";
import { LogHead, RequireUser } from "../features/logs/LogPage.js";
import { isLogDataPath } from "../features/logs/logs.js";
import { useSession } from "../features/session/session.js";
import { formatDate, formatNumber } from "../format.js";
import { useI18n } from "../i18n/index.js";
import { hrefFor, navigate } from "../router.js";
import "../styles/logs.css";

export default function EngagementOffersPage({ year }: { year?: number }) {
  const { t } = useI18n();
  return (
    <RequireUser route={{ name: "engagement-offers", year }} title={t("engagements.offers.title")} lead={t("engagements.offers.lead")}>
      <Offers year={year ?? new Date().getFullYear()} />
    </RequireUser>
  );
}

function Offers({ year }: { year: number }) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const editor = user?.role === "admin" || user?.role === "editor";
  const list = useEndpoint("GET /api/engagements/offers/:year", { params: { year } });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = () => invalidate(isLogDataPath("/api/engagements"));
  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    setBusy(true);
    try {
      await fn();
      refresh();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const setStatus = (o: OfferView, status: string) =>
    isOfferStatus(status) &&
    run(() => api("PATCH /api/engagements/offers/:year/:id", { params: { year: o.year, id: o.id }, body: { status } }));
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - 2014 + 1 }, (_, i) => thisYear + 1 - i);
  const cols = [
    t("engagements.offers.rank"),
    t("engagements.offers.company"),
    t("engagements.offers.employees"),
    t("engagements.offers.statusCol"),
    t("engagements.offers.dates"),
  ];

  return (
    <div className="nk-container nk-log-page">
      <LogHead title={t("engagements.offers.title")} lead={t("engagements.offers.lead")} />
      <div className="nk-form__row">
        <Field>
          <Label htmlFor="offers-year">{t("engagements.offers.year")}</Label>
          <Select
            id="offers-year"
            value={String(year)}
            onChange={(e) => navigate(hrefFor({ name: "engagement-offers", year: Number(e.target.value) }))}
            width="auto"
          >
            {years.map((y) => (
              <Select.Option key={y} value={String(y)}>
                {y}
              </Select.Option>
            ))}
          </Select>
        </Field>
        {editor && (
          <Button
            variant="secondary"
            loading={busy}
            onClick={() => void run(() => api("POST /api/engagements/offers/:year/generate", { params: { year } }))}
          >
            {t("engagements.offers.generate")}
          </Button>
        )}
      </div>
      <div aria-live="polite">
        {error && (
          <Alert data-color="danger" className="nk-alert">
            <Paragraph>{error}</Paragraph>
          </Alert>
        )}
      </div>
      <section aria-labelledby="offers-heading" className="nk-section">
        <Heading level={2} data-size="md" id="offers-heading">
          {t("engagements.offers.heading", { year })}
        </Heading>
        {list.error && !list.data ? (
          <ErrorMessage error={list.error} />
        ) : !list.data ? (
          <Loading />
        ) : list.data.offers.length === 0 ? (
          <Paragraph className="nk-muted">{t("engagements.offers.none")}</Paragraph>
        ) : (
          <>
            <Paragraph>
              {t("engagements.offers.summary", {
                offered: list.data.offered,
                held: list.data.held,
                asOf: list.data.rankedAsOf ? formatDate(list.data.rankedAsOf, locale) : "–",
              })}
            </Paragraph>
            <Table className="nk-table nk-table--stack" data-size="sm" zebra>
              <caption className="nk-table__caption">{t("engagements.offers.caption", { year })}</caption>
              <TableHead>
                <TableRow>
                  {cols.map((c) => (
                    <TableHeaderCell key={c}>{c}</TableHeaderCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {list.data.offers.map((o) => (
                  <TableRow key={o.id}>
                    <TableCell data-label={cols[0]}>{o.rank ?? t("engagements.offers.outOfRanking")}</TableCell>
                    <TableCell data-label={cols[1]}>
                      {o.name} <span className="nk-muted">({o.orgnr})</span>
                    </TableCell>
                    <TableCell data-label={cols[2]} className="nk-num">
                      {o.employees === null ? "–" : formatNumber(o.employees, locale, 0)}
                    </TableCell>
                    <TableCell data-label={cols[3]}>
                      {editor ? (
                        <Select
                          aria-label={t("engagements.offers.statusFor", { name: o.name })}
                          value={o.status}
                          onChange={(e) => void setStatus(o, e.target.value)}
                          width="auto"
                          data-size="sm"
                        >
                          {STATUSES.map((s) => (
                            <Select.Option key={s} value={s}>
                              {t(`engagements.offers.status.${s}`)}
                            </Select.Option>
                          ))}
                        </Select>
                      ) : (
                        t(`engagements.offers.status.${o.status}`)
                      )}
                    </TableCell>
                    <TableCell data-label={cols[4]}>
                      {[
                        o.offeredOn && t("engagements.offers.offeredOn", { date: formatDate(o.offeredOn, locale) }),
                        o.heldOn && t("engagements.offers.heldOn", { date: formatDate(o.heldOn, locale) }),
                        o.declinedOn && t("engagements.offers.declinedOn", { date: formatDate(o.declinedOn, locale) }),
                      ]
                        .filter(Boolean)
                        .join(", ") || "–"}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </section>
    </div>
  );
}
