/** The applications with filters (period, type, commercial) and the CSV export of what is shown. */
import {
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Tag,
  Textfield,
} from "@digdir/designsystemet-react";
import { useState } from "react";
import { APPLICATION_TYPES, isApplicationType } from "../../../core/building-cases/types.js";
import { urlFor } from "../../api.js";
import { ErrorMessage, Loading } from "../../components/Feedback.js";
import { useEndpoint } from "../../data.js";
import { formatDate } from "../../format.js";
import { useI18n } from "../../i18n/index.js";
import type { ApplicationType, BuildingCase } from "../../types.js";
import { ExportLink } from "../logs/LogPage.js";
import { CaseCells, ColumnHeads, DeadlineCell, weeks } from "./shared.js";

export function Applications() {
  const { t, locale } = useI18n();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [type, setType] = useState<ApplicationType | "">("");
  const [commercial, setCommercial] = useState<"" | "true" | "false">("true");
  const filter = { from, to, type: type || undefined, commercial: commercial || undefined };
  const { data: cases, error } = useEndpoint("GET /api/building-cases", { query: filter });
  // Every row says "Ja" when only commercial buildings are listed: the column is left out then.
  const showCommercial = commercial !== "true";
  const cols = {
    case: t("buildingCases.col.case"),
    type: t("buildingCases.col.type"),
    ...(showCommercial ? { commercial: t("buildingCases.col.commercial") } : {}),
    address: t("buildingCases.col.address"),
    received: t("buildingCases.col.received"),
    complete: t("buildingCases.col.complete"),
    decision: t("buildingCases.col.decision"),
    weeks: t("buildingCases.col.weeks"),
    deadline: t("buildingCases.col.deadline"),
    notes: t("buildingCases.col.notes"),
  };
  return (
    <section aria-labelledby="bc-list-heading" className="nk-section">
      <div className="nk-section__head">
        <Heading level={2} data-size="md" id="bc-list-heading">
          {t("buildingCases.listHeading")}
        </Heading>
        <ExportLink href={urlFor("GET /api/building-cases/export.csv", { query: filter })}>{t("buildingCases.export")}</ExportLink>
      </div>
      <fieldset className="nk-filters nk-no-print">
        <legend className="nk-visually-hidden">{t("buildingCases.filters")}</legend>
        <Textfield id="bc-from" type="date" label={t("buildingCases.filterFrom")} value={from} onChange={(e) => setFrom(e.target.value)} />
        <Textfield id="bc-to" type="date" label={t("buildingCases.filterTo")} value={to} onChange={(e) => setTo(e.target.value)} />
        <Field>
          <Label htmlFor="bc-type">{t("buildingCases.col.type")}</Label>
          <Select id="bc-type" value={type} onChange={(e) => setType(isApplicationType(e.target.value) ? e.target.value : "")} width="auto">
            <Select.Option value="">{t("buildingCases.allTypes")}</Select.Option>
            {APPLICATION_TYPES.map((a) => (
              <Select.Option key={a} value={a}>
                {t(`buildingCases.type.${a}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="bc-commercial">{t("buildingCases.col.commercial")}</Label>
          <Select
            id="bc-commercial"
            value={commercial}
            onChange={(e) => setCommercial(e.target.value === "true" || e.target.value === "false" ? e.target.value : "")}
            width="auto"
          >
            <Select.Option value="">{t("buildingCases.allBuildings")}</Select.Option>
            <Select.Option value="true">{t("buildingCases.commercialOnly")}</Select.Option>
            <Select.Option value="false">{t("buildingCases.nonCommercial")}</Select.Option>
          </Select>
        </Field>
      </fieldset>
      {error && !cases ? (
        <ErrorMessage error={error} />
      ) : !cases ? (
        <Loading />
      ) : cases.length === 0 ? (
        <Paragraph className="nk-muted">{t("buildingCases.noCases")}</Paragraph>
      ) : (
        <Table className="nk-table nk-table--stack" data-size="sm" zebra>
          <caption className="nk-table__caption" aria-live="polite">
            {t("buildingCases.listCaption", { count: cases.length })}
          </caption>
          <ColumnHeads cols={cols} />
          <TableBody>
            {cases.map((c) => (
              <TableRow key={c.id}>
                <CaseCells c={c} cols={cols} />
                {showCommercial && <TableCell data-label={cols.commercial}>{c.commercial ? t("common.yes") : t("common.no")}</TableCell>}
                <TableCell data-label={cols.address}>{c.address ?? "–"}</TableCell>
                <TableCell data-label={cols.received}>{formatDate(c.receivedDate, locale)}</TableCell>
                <TableCell data-label={cols.complete}>{c.completeDate ? formatDate(c.completeDate, locale) : "–"}</TableCell>
                <TableCell data-label={cols.decision}>
                  {c.decisionDate ? formatDate(c.decisionDate, locale) : t("buildingCases.undecided")}
                </TableCell>
                <TableCell data-label={cols.weeks} className="nk-num">
                  {c.clock ? (
                    <span>
                      {weeks(c.clock.weeks, locale)}
                      {!c.clock.decided && <span className="nk-cell-note">{t("buildingCases.soFar")}</span>}
                    </span>
                  ) : (
                    "–"
                  )}
                </TableCell>
                <DeadlineCell weeks={c.deadline.weeks} label={cols.deadline} />
                <TableCell data-label={cols.notes}>
                  <CaseTags c={c} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

function CaseTags({ c }: { c: BuildingCase }) {
  const { t } = useI18n();
  const tags: { key: string; color: "danger" | "warning" | "info"; text: string }[] = [];
  if (c.statutoryBreach) tags.push({ key: "s", color: "danger", text: t("buildingCases.tag.statutory") });
  if (c.targetBreach) tags.push({ key: "t", color: "warning", text: t("buildingCases.tag.overTarget") });
  if (c.countsForTarget) tags.push({ key: "c", color: "info", text: t("buildingCases.tag.counted") });
  if (tags.length === 0) return <>–</>;
  return (
    <span className="nk-tags">
      {tags.map((x) => (
        <Tag key={x.key} data-color={x.color} data-size="sm" variant="outline">
          {x.text}
        </Tag>
      ))}
    </span>
  );
}
