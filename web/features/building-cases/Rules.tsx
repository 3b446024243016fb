/** The statutory deadline rules with their citations. */
import { Heading, Paragraph, Table, TableBody, TableCell, TableRow, Tag } from "@digdir/designsystemet-react";
import { ErrorMessage, Loading } from "../../components/Feedback.js";
import { useEndpoint } from "../../data.js";
import { formatDate } from "../../format.js";
import { useI18n } from "../../i18n/index.js";
import { ColumnHeads, DeadlineCell } from "./shared.js";

export function Rules() {
  const { t, locale } = useI18n();
  const { data: rules, error } = useEndpoint("GET /api/building-cases/rules");
  const cols = {
    condition: t("buildingCases.rules.condition"),
    types: t("buildingCases.rules.types"),
    weeks: t("buildingCases.rules.deadline"),
    valid: t("buildingCases.rules.valid"),
    citation: t("buildingCases.rules.citation"),
    consequence: t("buildingCases.rules.consequence"),
  };
  return (
    <section aria-labelledby="bc-rules-heading" className="nk-section">
      <Heading level={2} data-size="md" id="bc-rules-heading">
        {t("buildingCases.rules.heading")}
      </Heading>
      <Paragraph className="nk-muted">{t("buildingCases.rules.intro")}</Paragraph>
      {error && !rules ? (
        <ErrorMessage error={error} />
      ) : !rules ? (
        <Loading />
      ) : (
        <Table className="nk-table nk-table--stack nk-rules" data-size="sm" zebra>
          <caption className="nk-visually-hidden">{t("buildingCases.rules.heading")}</caption>
          <ColumnHeads cols={cols} />
          <TableBody>
            {rules.map((r) => (
              <TableRow key={r.id}>
                <TableCell data-label={cols.condition}>
                  <span>
                    {r.condition[locale]}
                    <span className="nk-cell-note">
                      <code>{r.id}</code>
                    </span>
                  </span>
                </TableCell>
                <TableCell data-label={cols.types}>{r.types.map((a) => t(`buildingCases.type.${a}`)).join(", ")}</TableCell>
                <DeadlineCell weeks={r.weeks} label={cols.weeks} />
                <TableCell data-label={cols.valid}>
                  {r.validTo
                    ? t("buildingCases.rules.between", { from: formatDate(r.validFrom, locale), to: formatDate(r.validTo, locale) })
                    : t("buildingCases.rules.from", { from: formatDate(r.validFrom, locale) })}
                </TableCell>
                <TableCell data-label={cols.citation}>
                  <span>
                    <span lang="nb">{r.citation}</span>
                    {!r.verified && (
                      <Tag data-color="warning" data-size="sm" variant="outline" className="nk-rule-unverified">
                        {t("buildingCases.rules.unverified")}
                      </Tag>
                    )}
                  </span>
                </TableCell>
                <TableCell data-label={cols.consequence}>
                  <span lang="nb">{r.consequence}</span>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
