/** The applications over the statutory deadline and over the plan's target, as of today. */
import { Heading, Paragraph, Table, TableBody, TableCell, TableRow } from "@digdir/designsystemet-react";
import { daysOverTarget } from "../../../core/building-cases/assess.js";
import { ErrorMessage, Loading } from "../../components/Feedback.js";
import { useEndpoint } from "../../data.js";
import { formatDate, formatNumber, type Locale } from "../../format.js";
import { useI18n } from "../../i18n/index.js";
import type { BreachItem } from "../../types.js";
import { CaseCells, ColumnHeads, DeadlineCell, weeks } from "./shared.js";

export function Breaches() {
  const { t, locale } = useI18n();
  const { data, error } = useEndpoint("GET /api/building-cases/breaches");
  return (
    <section aria-labelledby="bc-breaches-heading" className="nk-section">
      <Heading level={2} data-size="md" id="bc-breaches-heading">
        {t("buildingCases.breachesHeading")}
      </Heading>
      {error && !data ? (
        <ErrorMessage error={error} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <Paragraph className="nk-muted">{t("buildingCases.breachesAsOf", { date: formatDate(data.asOf, locale) })}</Paragraph>
          <BreachTable
            id="bc-statutory"
            items={data.statutory}
            heading={t("buildingCases.statutoryHeading", { count: data.statutory.length })}
            empty={t("buildingCases.noStatutory")}
            over={(b) => b.daysOverDeadline}
            overLabel={t("buildingCases.col.daysOverDeadline")}
          />
          <BreachTable
            id="bc-target"
            items={data.target}
            heading={t("buildingCases.targetHeading", { count: data.target.length })}
            empty={t("buildingCases.noTarget")}
            over={(b) => daysOverTarget(b.clock)}
            overLabel={t("buildingCases.col.daysOverTarget")}
          />
        </>
      )}
    </section>
  );
}

function BreachTable({
  id,
  items,
  heading,
  empty,
  over,
  overLabel,
}: {
  id: string;
  items: BreachItem[];
  heading: string;
  empty: string;
  over: (b: BreachItem) => number | null;
  overLabel: string;
}) {
  const { t, locale } = useI18n();
  const cols = {
    case: t("buildingCases.col.case"),
    type: t("buildingCases.col.type"),
    address: t("buildingCases.col.address"),
    start: t("buildingCases.col.clockStart"),
    decision: t("buildingCases.col.decision"),
    weeks: t("buildingCases.col.weeks"),
    deadline: t("buildingCases.col.deadline"),
    over: overLabel,
  };
  return (
    <>
      <Heading level={3} data-size="xs" id={`${id}-heading`} className="nk-subheading">
        {heading}
      </Heading>
      {items.length === 0 ? (
        <Paragraph className="nk-muted">{empty}</Paragraph>
      ) : (
        <Table className="nk-table nk-table--stack" data-size="sm" zebra aria-labelledby={`${id}-heading`}>
          <ColumnHeads cols={cols} />
          <TableBody>
            {items.map((b) => (
              <TableRow key={b.id}>
                <CaseCells c={b} cols={cols} />
                <TableCell data-label={cols.address}>{b.address ?? "–"}</TableCell>
                <TableCell data-label={cols.start}>
                  {b.clock ? (
                    <span>
                      {formatDate(b.clock.startDate, locale)}
                      {b.clock.startedFrom === "received" && <span className="nk-cell-note">{t("buildingCases.fromReceivedNote")}</span>}
                    </span>
                  ) : (
                    "–"
                  )}
                </TableCell>
                <TableCell data-label={cols.decision}>
                  {b.decisionDate ? formatDate(b.decisionDate, locale) : t("buildingCases.undecided")}
                </TableCell>
                <TableCell data-label={cols.weeks} className="nk-num">
                  {weeks(b.clock?.weeks, locale)}
                </TableCell>
                <DeadlineCell weeks={b.deadline.weeks} label={cols.deadline} />
                <TableCell data-label={cols.over} className="nk-num">
                  {formatDays(over(b), locale)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}

function formatDays(days: number | null, locale: Locale): string {
  return days === null ? "–" : formatNumber(days, locale, 0);
}
