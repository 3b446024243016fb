/** Post a status update: status, progress 0–100, comment. Field messages from the client and the server. */
import { Alert, Button, Field, Label, Paragraph, Select, Textfield, ValidationMessage } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { progressForStatus } from "../../../core/plan/measure-rules.js";
import { isOneOf, MEASURE_STATUS_ORDER, MEASURE_STATUSES } from "../../../core/vocabulary.js";
import { ApiError, api } from "../../api.js";
import { errorText } from "../../components/Feedback.js";
import { FormErrors } from "../../components/FormErrors.js";
import { invalidate } from "../../data.js";
import { useI18n } from "../../i18n/index.js";
import type { MeasureDetail, MeasureUpdate } from "../../types.js";
import { isPlanDataPath } from "../plan/plans.js";
import { type UpdateDraft, validateUpdate } from "./validate.js";

const FIELD_IDS = { status: "update-status", progress: "update-progress", comment: "update-comment", _form: "update-status" };

export function MeasureUpdateForm({ measure }: { measure: MeasureDetail }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<UpdateDraft>({ status: measure.status, progress: String(measure.progress), comment: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<MeasureUpdate | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const set = (patch: Partial<UpdateDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    setFormError(null);
    const keys = validateUpdate(draft);
    const clientErrors = Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, t(v)]));
    setErrors(clientErrors);
    setAttempt((n) => n + 1);
    const status = draft.status;
    if (Object.keys(clientErrors).length > 0 || !status) return;
    setSaving(true);
    try {
      const update = await api("POST /api/measures/:id/updates", {
        params: { id: measure.id },
        body: { status, progress: Number(draft.progress), comment: draft.comment.trim() },
      });
      setSaved(update);
      setErrors({});
      setDraft((d) => ({ ...d, comment: "" }));
      invalidate(isPlanDataPath);
    } catch (err) {
      if (err instanceof ApiError && err.details.length > 0) {
        const fe = err.fieldErrors();
        setErrors(Object.fromEntries(Object.entries(fe).map(([k, v]) => [k in FIELD_IDS ? k : "_form", v])));
      } else setFormError(errorText(t, err instanceof ApiError ? err : undefined));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="nk-form" onSubmit={onSubmit} noValidate aria-labelledby="update-heading">
      <FormErrors errors={errors} fieldIds={FIELD_IDS} focusKey={attempt} />
      {formError && (
        <Alert data-color="danger" className="nk-alert">
          <Paragraph>{formError}</Paragraph>
        </Alert>
      )}
      {saved && (
        <Alert data-color="success" className="nk-alert" role="status">
          <Paragraph>{t("measureForm.saved", { status: t(`measureStatus.${saved.status}`), progress: saved.progress })}</Paragraph>
        </Alert>
      )}
      <Field>
        <Label htmlFor={FIELD_IDS.status}>{t("measureForm.status")}</Label>
        <Select
          id={FIELD_IDS.status}
          value={draft.status}
          onChange={(e) => {
            const status = e.target.value;
            if (isOneOf(MEASURE_STATUSES, status)) set({ status, progress: progressForStatus(status, draft.progress) });
          }}
          aria-invalid={errors.status ? true : undefined}
          width="auto"
        >
          {MEASURE_STATUS_ORDER.map((s) => (
            <Select.Option key={s} value={s}>
              {t(`measureStatus.${s}`)}
            </Select.Option>
          ))}
        </Select>
        {errors.status && <ValidationMessage>{errors.status}</ValidationMessage>}
      </Field>
      <Textfield
        id={FIELD_IDS.progress}
        label={t("measureForm.progress")}
        description={t("measureForm.progressHelp")}
        inputMode="numeric"
        suffix="%"
        value={draft.progress}
        onChange={(e) => set({ progress: e.target.value })}
        error={errors.progress}
        className="nk-field--short"
      />
      <Textfield
        id={FIELD_IDS.comment}
        multiline
        rows={3}
        label={t("measureForm.comment")}
        description={t("measureForm.commentHelp")}
        value={draft.comment}
        onChange={(e) => set({ comment: e.target.value })}
        error={errors.comment}
      />
      <div className="nk-form__actions">
        <Button type="submit" loading={saving} disabled={saving}>
          {t("measureForm.submit")}
        </Button>
      </div>
    </form>
  );
}
