/** The register snapshots (imports and feed syncs) with their dates, scope, source and counts. */
import { Paragraph } from "@digdir/designsystemet-react";
import { ErrorMessage, Loading } from "../../components/Feedback.js";
import { useEndpoint } from "../../data.js";
import { formatDate, formatDateTime } from "../../format.js";
import { useI18n } from "../../i18n/index.js";
import { DataTable } from "./DataTable.js";
import { scopeText } from "./figures.js";
import { municipalityName } from "./municipalities.js";
import { num, Section } from "./shared.js";

export function Snapshots({ idPrefix }: { idPrefix: string }) {
  const { t, locale } = useI18n();
  const { data, error } = useEndpoint("GET /api/register/snapshots");
  return (
    <Section id={`${idPrefix}-snapshots-heading`} title={t("register.snapshots.heading")}>
      {error && !data ? (
        <ErrorMessage error={error} />
      ) : !data ? (
        <Loading />
      ) : data.length === 0 ? (
        <Paragraph className="nk-register__empty">{t("register.empty.noSnapshots")}</Paragraph>
      ) : (
        <DataTable
          caption={t("register.snapshots.caption", { count: data.length })}
          rows={data}
          rowKey={(s) => String(s.id)}
          columns={[
            { label: t("register.col.date"), cell: (s) => formatDate(s.asOf, locale) },
            { label: t("register.col.register"), cell: (s) => t(`register.kind.${s.kind}`) },
            { label: t("register.col.scope"), cell: (s) => scopeText(s.scope, municipalityName, t("register.scopeNational")) },
            { label: t("register.col.standard"), cell: (s) => s.naceVersion ?? "–" },
            { label: t("register.col.source"), cell: (s) => <span className="nk-register__source-name">{s.source}</span> },
            {
              label: t("register.col.status"),
              cell: (s) => (
                <>
                  {t(`register.snapshots.status.${s.status}`, { defaultValue: s.status })}
                  {s.status === "failed" && s.note && <span className="nk-cell-note">{s.note}</span>}
                </>
              ),
            },
            { label: t("register.col.read"), cell: (s) => num(s.summary?.read, locale), num: true },
            { label: t("register.col.rejected"), cell: (s) => num(s.summary?.rejected ?? s.rejections?.length, locale), num: true },
            { label: t("register.col.importedAt"), cell: (s) => (s.completedAt ? formatDateTime(s.completedAt, locale) : "–") },
          ]}
        />
      )}
    </Section>
  );
}
