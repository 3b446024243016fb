/**
 * "New entry" for a delivery log: a modal dialog with the log's fields (entries.ts). Client-side
 * checks first; then the API's `details` are put next to the field they name, the rest above the
 * form. On success the dialog closes and the page's lists refetch.
 */
import {
  Alert,
  Button,
  Dialog,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Textfield,
  ValidationMessage,
} from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { ApiError, apiPost } from "../../api.js";
import { errorText } from "../../components/Feedback.js";
import { FormErrors } from "../../components/FormErrors.js";
import { useI18n } from "../../i18n/index.js";
import { apiFieldErrors } from "./counts.js";
import type { Draft, EntryKind } from "./entries.js";

export function EntryDialog<T>({
  id,
  open,
  title,
  kind,
  path,
  onClose,
  onSaved,
}: {
  id: string;
  open: boolean;
  title: string;
  kind: EntryKind;
  path: string;
  onClose: () => void;
  onSaved: (saved: T) => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(kind.empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  /** The API's messages do not name their field: the summary says which one. */
  const [apiLabels, setApiLabels] = useState<Record<string, string>>({});
  const fieldIds: Record<string, string> = Object.fromEntries(kind.fields.map((f) => [f.name, `${id}-${f.name}`]));
  fieldIds._form = fieldIds[kind.fields[0]?.name ?? ""] ?? "";
  const headingId = `${id}-heading`;

  const close = () => {
    setDraft(kind.empty());
    setErrors({});
    setFormError(null);
    onClose();
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    setApiLabels({});
    const errs = Object.fromEntries(Object.entries(kind.validate(draft)).map(([k, v]) => [k, t(v)]));
    setErrors(errs);
    setAttempt((n) => n + 1);
    if (Object.keys(errs).length > 0) return;
    setBusy(true);
    try {
      const saved = await apiPost<T>(path, kind.body(draft));
      setDraft(kind.empty());
      setErrors({});
      onSaved(saved);
    } catch (err) {
      const apiErr = err instanceof ApiError ? err : undefined;
      if (apiErr && apiErr.details.length > 0) {
        const fieldErrors = apiFieldErrors(
          apiErr.details,
          kind.fields.map((f) => f.name),
        );
        setErrors(fieldErrors);
        setApiLabels(Object.fromEntries(kind.fields.filter((f) => f.name in fieldErrors).map((f) => [f.name, t(f.label)])));
        setAttempt((n) => n + 1);
      } else if (apiErr && (apiErr.code === "conflict" || apiErr.code === "bad_request" || apiErr.code === "validation_failed"))
        setFormError(apiErr.message);
      else setFormError(errorText(t, apiErr));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={close} closeButton={t("common.closeDialog")} aria-labelledby={headingId} className="nk-dialog">
      <Dialog.Block>
        <Heading level={2} data-size="sm" id={headingId}>
          {title}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <form onSubmit={onSubmit} noValidate className="nk-form" aria-labelledby={headingId}>
          <FormErrors errors={errors} fieldIds={fieldIds} focusKey={attempt} labels={apiLabels} />
          {formError && (
            <Alert data-color="danger" className="nk-alert">
              <Paragraph>{formError}</Paragraph>
            </Alert>
          )}
          {kind.fields.map((f) => {
            const fid = fieldIds[f.name] as string;
            const value = draft[f.name] ?? "";
            const set = (v: string) => setDraft((d) => ({ ...d, [f.name]: v }));
            const error = errors[f.name];
            if (f.type === "select")
              return (
                <Field key={f.name}>
                  <Label htmlFor={fid}>{t(f.label)}</Label>
                  <Select id={fid} value={value} onChange={(e) => set(e.target.value)} width="auto" aria-invalid={error ? true : undefined}>
                    {(f.options ?? []).map((o) => (
                      <Select.Option key={o.value} value={o.value}>
                        {t(o.label)}
                      </Select.Option>
                    ))}
                  </Select>
                  {error && <ValidationMessage>{error}</ValidationMessage>}
                </Field>
              );
            const common = {
              id: fid,
              label: t(f.label),
              description: f.description ? t(f.description) : undefined,
              value,
              error,
              autoComplete: "off",
              className: f.short ? "nk-field--short" : undefined,
            };
            if (f.type === "textarea")
              return <Textfield key={f.name} {...common} multiline rows={3} onChange={(e) => set(e.target.value)} />;
            return (
              <Textfield
                key={f.name}
                {...common}
                type={f.type === "date" ? "date" : "text"}
                inputMode={f.type === "integer" ? "numeric" : undefined}
                onChange={(e) => set(e.target.value)}
              />
            );
          })}
          <div className="nk-form__actions">
            <Button type="submit" loading={busy} disabled={busy}>
              {t("entry.save")}
            </Button>
            <Button type="button" variant="secondary" onClick={close}>
              {t("common.cancel")}
            </Button>
          </div>
        </form>
      </Dialog.Block>
    </Dialog>
  );
}
