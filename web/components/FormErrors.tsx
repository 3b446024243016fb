/** Error summary at the top of a form: links to each field with a problem (Designsystemet ErrorSummary). */
import { ErrorSummary, ErrorSummaryHeading, ErrorSummaryItem, ErrorSummaryLink, ErrorSummaryList } from "@digdir/designsystemet-react";
import { type ComponentRef, useEffect, useRef } from "react";
import { useI18n } from "../i18n/index.js";

export function FormErrors({
  errors,
  fieldIds,
  focusKey,
  labels = {},
}: {
  errors: Record<string, string>;
  fieldIds: Record<string, string>;
  focusKey: number;
  /** Field labels to put before the message in the summary (for messages that do not name their field). */
  labels?: Record<string, string>;
}) {
  const { t } = useI18n();
  const ref = useRef<ComponentRef<typeof ErrorSummary>>(null);
  const entries = Object.entries(errors);
  const count = entries.length;
  // Focus moves to the summary once per submit attempt (not on every keystroke).
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new attempt should move focus.
  useEffect(() => {
    if (focusKey > 0 && count > 0) ref.current?.focus();
  }, [focusKey]);
  if (entries.length === 0) return null;
  return (
    <ErrorSummary ref={ref} tabIndex={-1} className="nk-error-summary">
      <ErrorSummaryHeading level={3} data-size="xs">
        {t("form.errorSummary")}
      </ErrorSummaryHeading>
      <ErrorSummaryList>
        {entries.map(([field, message]) => (
          <ErrorSummaryItem key={field}>
            <ErrorSummaryLink
              href={`#${fieldIds[field] ?? ""}`}
              onClick={(e) => {
                const el = document.getElementById(fieldIds[field] ?? "");
                if (el) {
                  e.preventDefault();
                  el.focus();
                }
              }}
            >
              {labels[field] ? `${labels[field]}: ${message}` : message}
            </ErrorSummaryLink>
          </ErrorSummaryItem>
        ))}
      </ErrorSummaryList>
    </ErrorSummary>
  );
}
