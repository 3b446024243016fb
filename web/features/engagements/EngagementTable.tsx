/** Engagements as a table: date, kind, title, companies, participants, measures, follow-ups. */
import { Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Tag } from "@digdir/designsystemet-react";
import { PlainLink } from "../../components/AppLink.js";
import { formatDate } from "../../format.js";
import { useI18n } from "../../i18n/index.js";
import { hrefFor } from "../../router.js";
import type { EngagementView } from "./types.js";

export function EngagementTable({
  rows,
  caption,
  linkCompanies = true,
}: {
  rows: EngagementView[];
  caption: string;
  linkCompanies?: boolean;
}) {
  const { t, locale } = useI18n();
  const cols = {
    date: t("engagements.col.date"),
    kind: t("engagements.col.kind"),
    title: t("engagements.col.title"),
    companies: t("engagements.col.companies"),
    participants: t("engagements.col.participants"),
    measures: t("engagements.col.measures"),
  };
  return (
    <Table className="nk-table nk-table--stack" data-size="sm" zebra>
      <caption className="nk-table__caption">{caption}</caption>
      <TableHead>
        <TableRow>
          {Object.values(cols).map((c) => (
            <TableHeaderCell key={c}>{c}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((e) => (
          <TableRow key={e.id}>
            <TableCell data-label={cols.date}>{formatDate(e.date, locale)}</TableCell>
            <TableCell data-label={cols.kind}>{t(`engagements.kind.${e.kind}`)}</TableCell>
            <TableCell data-label={cols.title}>
              <span>
                {e.title}
                {e.notes && <span className="nk-cell-note">{e.notes}</span>}
                {e.notesExempt && (
                  <Tag data-size="sm" variant="outline" data-color="warning">
                    {t("engagements.exemptTag")}
                  </Tag>
                )}
              </span>
            </TableCell>
            <TableCell data-label={cols.companies}>
              {e.companies.length === 0 && e.organisations.length === 0
                ? "–"
                : [
                    ...e.companies.map((c, i) =>
                      c.purged ? (
                        // biome-ignore lint/suspicious/noArrayIndexKey: purged companies have no number to key by.
                        <span key={`purged-${i}`}>{t("engagements.purgedCompany")}</span>
                      ) : linkCompanies && c.orgnr ? (
                        <PlainLink key={c.orgnr} href={hrefFor({ name: "company", orgnr: c.orgnr })} className="nk-link">
                          {c.name ?? c.orgnr}
                        </PlainLink>
                      ) : (
                        <span key={c.orgnr ?? ""}>{c.name ?? c.orgnr}</span>
                      ),
                    ),
                    ...e.organisations.map((o) => <span key={o.key}>{o.name}</span>),
                  ].flatMap((node, i) => (i === 0 ? [node] : [", ", node]))}
            </TableCell>
            <TableCell data-label={cols.participants}>
              {e.participants.length === 0 ? "–" : e.participants.map((p) => t(`engagements.role.${p.role}`)).join(", ")}
            </TableCell>
            <TableCell data-label={cols.measures}>{e.measureKeys.length === 0 ? "–" : e.measureKeys.join(", ")}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function NoEngagements({ text }: { text: string }) {
  return <Paragraph className="nk-muted">{text}</Paragraph>;
}
