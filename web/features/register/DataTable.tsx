/** A captioned table from column definitions; stacks into label–value pairs on a phone. */
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";

export interface Column<R> {
  label: string;
  cell: (row: R) => ReactNode;
  /** Right-aligned tabular figures. */
  num?: boolean;
}

export function DataTable<R>({
  caption,
  captionId,
  columns,
  rows,
  rowKey,
  rowClass,
}: {
  caption: ReactNode;
  captionId?: string;
  columns: Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  rowClass?: (row: R) => string | undefined;
}) {
  return (
    <Table className="nk-table nk-table--stack" data-size="sm" zebra>
      <caption id={captionId} className="nk-table__caption">
        {caption}
      </caption>
      <TableHead>
        <TableRow>
          {columns.map((c) => (
            <TableHeaderCell key={c.label} className={c.num ? "nk-num" : undefined}>
              {c.label}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={rowKey(r)} className={rowClass?.(r)}>
            {columns.map((c) => (
              <TableCell key={c.label} data-label={c.label} className={c.num ? "nk-num" : undefined}>
                {c.cell(r)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
