/**
 * Every municipality in the national snapshot ranked by one figure (picked from a list); each
 * name opens that municipality's analysis. The municipality in view is marked.
 */
import { Field, Label, Paragraph, Select } from "@digdir/designsystemet-react";
import { isRankingMetric, RANKING_METRICS as METRICS, type RankingMetric } from "../../../core/register/types.js";
import { PlainLink } from "../../components/AppLink.js";
import { ErrorMessage, Loading } from "../../components/Feedback.js";
import { useEndpoint } from "../../data.js";
import { formatDate } from "../../format.js";
import { useI18n } from "../../i18n/index.js";
import { hrefFor, navigate } from "../../router.js";
import type { RankingRow } from "../../types.js";
import { DataTable } from "./DataTable.js";
import { num, pct, Section, useSnapshotText } from "./shared.js";

export const RANKING_METRICS = METRICS;
export type { RankingMetric };

export function rankingMetric(s: string | undefined): RankingMetric {
  return isRankingMetric(s) ? s : "firms";
}

export function RankingSection({ area, asOf, metric, idPrefix }: { area: string; asOf?: string; metric: RankingMetric; idPrefix: string }) {
  const { t, locale } = useI18n();
  const source = useSnapshotText();
  const { data, error } = useEndpoint("GET /api/register/ranking", { query: { metric, asOf } });
  const value = (r: RankingRow) => (metric === "knowledge_intensive_share" ? pct(r.value, locale) : num(r.value, locale));
  const selectId = `${idPrefix}-metric`;
  return (
    <Section
      id={`${idPrefix}-ranking-heading`}
      title={t("register.ranking.heading")}
      source={data?.snapshot ? source(data.snapshot) : undefined}
    >
      <Paragraph className="nk-muted">{t("register.ranking.intro")}</Paragraph>
      <Field className="nk-register__metric">
        <Label htmlFor={selectId}>{t("register.ranking.metric")}</Label>
        <Select
          id={selectId}
          value={metric}
          width="auto"
          onChange={(e) =>
            navigate(hrefFor({ name: "business-structure", area, asOf, view: "ranking", metric: e.target.value }), { replace: true })
          }
        >
          {RANKING_METRICS.map((m) => (
            <Select.Option key={m} value={m}>
              {t(`register.metric.${m}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {error && !data ? (
        <ErrorMessage error={error} />
      ) : !data ? (
        <Loading />
      ) : !data.snapshot || data.rows.length === 0 ? (
        <Paragraph className="nk-register__empty">{t("register.ranking.none")}</Paragraph>
      ) : (
        <DataTable
          caption={t("register.ranking.caption", {
            metric: t(`register.metric.${metric}`),
            count: data.rows.length,
            date: formatDate(data.snapshot.asOf, locale),
          })}
          rows={data.rows}
          rowKey={(r) => r.code}
          rowClass={(r) => (r.code === area ? "nk-register__row--self" : undefined)}
          columns={[
            { label: t("register.col.rank"), cell: (r) => `${r.rank}.`, num: true },
            {
              label: t("register.col.municipality"),
              cell: (r) => (
                <PlainLink
                  href={hrefFor({ name: "business-structure", area: r.code, asOf })}
                  className="nk-link"
                  aria-current={r.code === area ? "true" : undefined}
                >
                  {r.name} ({r.code})
                </PlainLink>
              ),
            },
            { label: t(`register.metric.${metric}`), cell: value, num: true },
          ]}
        />
      )}
    </Section>
  );
}
