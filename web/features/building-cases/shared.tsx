/** Small pieces the building-case tables share: week formatting, the column heads, the case and deadline cells. */
import { TableCell, TableHead, TableHeaderCell, TableRow } from "@digdir/designsystemet-react";
import { formatNumber, type Locale } from "../../format.js";
import { useI18n } from "../../i18n/index.js";
import type { ApplicationType } from "../../types.js";

export const WEEK_FORMAT = { format: "decimal", unit: "weeks" };

export function weeks(v: number | null | undefined, locale: Locale): string {
  return v === null || v === undefined ? "–" : formatNumber(v, locale, 1);
}

export function caseLabel(c: { caseId: string; applicationId: string }): string {
  return `${c.caseId} / ${c.applicationId}`;
}

/** The header row of a table: one header cell per column label, in order. */
export function ColumnHeads({ cols }: { cols: Record<string, string> }) {
  return (
    <TableHead>
      <TableRow>
        {Object.values(cols).map((c) => (
          <TableHeaderCell key={c}>{c}</TableHeaderCell>
        ))}
      </TableRow>
    </TableHead>
  );
}

/** The case number and application type cells of a row. */
export function CaseCells({
  c,
  cols,
}: {
  c: { caseId: string; applicationId: string; applicationType: ApplicationType };
  cols: { case: string; type: string };
}) {
  const { t } = useI18n();
  return (
    <>
      <TableCell data-label={cols.case}>{caseLabel(c)}</TableCell>
      <TableCell data-label={cols.type}>{t(`buildingCases.type.${c.applicationType}`)}</TableCell>
    </>
  );
}

/** The statutory deadline in weeks, or "no deadline". */
export function DeadlineCell({ weeks: w, label }: { weeks: number | null; label: string }) {
  const { t } = useI18n();
  return (
    <TableCell data-label={label} className="nk-nowrap">
      {w !== null ? t("buildingCases.weeks", { count: w }) : t("buildingCases.noDeadline")}
    </TableCell>
  );
}
