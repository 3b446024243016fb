/**
 * The page of a described log (core/logs/descriptors): the plan targets it feeds, its rows, a new
 * row and CSV import/export, all from the descriptor. Logs with pages of their own (charts,
 * totals, deadlines) use the same building blocks beside their special parts.
 */
import { TableCell, TableRow } from "@digdir/designsystemet-react";
import { useState } from "react";
import type { LogDescriptor, ViewOf } from "../../../core/logs/descriptor.js";
import { describedLog } from "../../../core/logs/descriptors/index.js";
import { invalidate, useApi } from "../../data.js";
import { formatNumber } from "../../format.js";
import { useI18n } from "../../i18n/index.js";
import NotFoundPage from "../../pages/NotFoundPage.js";
import { useSession } from "../session/session.js";
import { cellText, columnsOf, entryKindOf } from "./described.js";
import { EntryDialog } from "./EntryDialog.js";
import { LogImportSection, LogListSection } from "./LogList.js";
import { LogHead, LogTargets, RequireUser, usePlanTargets } from "./LogPage.js";
import { isLogDataPath } from "./logs.js";
import "../../styles/logs.css";

type Row = ViewOf<LogDescriptor>;

export default function DescribedLogPage({ logKey }: { logKey: string }) {
  const { t } = useI18n();
  const d = describedLog(logKey);
  if (!d) return <NotFoundPage />;
  return (
    <RequireUser route={{ name: "log", key: d.key }} title={t(`${d.i18n}.title`)} lead={t(`${d.i18n}.lead`)}>
      <DescribedLog d={d} />
    </RequireUser>
  );
}

function DescribedLog({ d }: { d: LogDescriptor }) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const editor = !!user && d.write.some((r) => r === user.role);
  const readers = usePlanTargets(d.indicators.map((i) => i.key));
  const rows = useApi<Row[]>(d.path);
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const refresh = () => invalidate(isLogDataPath(d.path));
  const columns = columnsOf(d);
  const n = (v: number) => formatNumber(v, locale, 0);
  const prefix = `log-${d.key}`;

  return (
    <div className="nk-container nk-log-page">
      <LogHead title={t(`${d.i18n}.title`)} lead={t(`${d.i18n}.lead`)} />
      <LogTargets readers={readers} id={`${prefix}-targets-heading`} />
      <LogListSection
        id={`${prefix}-list-heading`}
        heading={t(`${d.i18n}.listHeading`)}
        exportHref={`${d.path}.csv`}
        newLabel={t(`${d.i18n}.new`)}
        onNew={editor ? () => setOpen(true) : undefined}
        saved={saved}
        rows={rows}
        none={t(`${d.i18n}.none`)}
        columns={columns.map((c) => t(c.label))}
        renderRow={(r) => (
          <TableRow key={r.id}>
            {columns.map((c) => (
              <TableCell key={c.name} data-label={t(c.label)} className={c.numeric ? "nk-num" : undefined}>
                {cellText(d, c.name, r[c.name], t, n)}
              </TableCell>
            ))}
          </TableRow>
        )}
      />
      {editor && <LogImportSection prefix={prefix} path={`${d.path}/import`} help={t(`${d.i18n}.importHelp`)} onImported={refresh} />}
      {editor && (
        <EntryDialog<Row>
          id={`${prefix}-new`}
          open={open}
          title={t(`${d.i18n}.new`)}
          kind={entryKindOf(d)}
          path={d.path}
          onClose={() => setOpen(false)}
          onSaved={() => {
            setOpen(false);
            setSaved(t(`${d.i18n}.saved`));
            refresh();
          }}
        />
      )}
    </div>
  );
}
