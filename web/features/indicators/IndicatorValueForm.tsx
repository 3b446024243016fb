/** Record a value for the plan's municipality: period, a number or a status code for a missing value, source. */
import {
  Alert,
  Button,
  Field,
  Fieldset,
  Label,
  Paragraph,
  Radio,
  Select,
  Textfield,
  ValidationMessage,
} from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { VALUE_STATUS_CODES as STATUS_CODES } from "../../../core/vocabulary.js";
import { ApiError, api } from "../../api.js";
import { errorText } from "../../components/Feedback.js";
import { FormErrors } from "../../components/FormErrors.js";
import { invalidate } from "../../data.js";
import { periodLabel } from "../../format.js";
import { useI18n } from "../../i18n/index.js";
import type { IndicatorValue } from "../../types.js";
import { isPlanDataPath } from "../plan/plans.js";
import { type ValueDraft, validateValue, valueBody } from "./validate.js";

const FIELD_IDS: Record<string, string> = {
  period: "value-period",
  value: "value-value",
  status: "value-status",
  source: "value-source",
  table: "value-table",
  note: "value-note",
  areaCode: "value-period",
  _form: "value-period",
};

export function IndicatorValueForm({
  indicatorKey,
  areaCode,
  defaultPeriod,
}: {
  indicatorKey: string;
  areaCode: string;
  defaultPeriod: string;
}) {
  const { t, locale } = useI18n();
  const empty: ValueDraft = { period: defaultPeriod, mode: "value", value: "", status: "", source: "", table: "", note: "" };
  const [draft, setDraft] = useState<ValueDraft>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<IndicatorValue | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const set = (patch: Partial<ValueDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    setFormError(null);
    const keys = validateValue(draft);
    const clientErrors = Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, t(v)]));
    setErrors(clientErrors);
    setAttempt((n) => n + 1);
    if (Object.keys(clientErrors).length > 0) return;
    setSaving(true);
    try {
      const value = await api("POST /api/indicators/:id/values", { params: { id: indicatorKey }, body: valueBody(draft, areaCode) });
      setSaved(value);
      setErrors({});
      setDraft({ ...empty, source: draft.source, table: draft.table });
      invalidate(isPlanDataPath);
    } catch (err) {
      if (err instanceof ApiError && err.details.length > 0) {
        const fe = err.fieldErrors();
        setErrors(Object.fromEntries(Object.entries(fe).map(([k, v]) => [k in FIELD_IDS ? k : "_form", v])));
      } else
        setFormError(
          err instanceof ApiError && err.code === "bad_request" ? err.message : errorText(t, err instanceof ApiError ? err : undefined),
        );
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="nk-form" onSubmit={onSubmit} noValidate aria-labelledby="value-form-heading">
      <FormErrors errors={errors} fieldIds={FIELD_IDS} focusKey={attempt} />
      {formError && (
        <Alert data-color="danger" className="nk-alert">
          <Paragraph>{formError}</Paragraph>
        </Alert>
      )}
      {saved && (
        <Alert data-color="success" className="nk-alert" role="status">
          <Paragraph>{t("valueForm.saved", { period: periodLabel(saved.period, locale) })}</Paragraph>
        </Alert>
      )}
      <Textfield
        id={FIELD_IDS.period}
        label={t("valueForm.period")}
        description={t("valueForm.periodHelp")}
        value={draft.period}
        onChange={(e) => set({ period: e.target.value })}
        error={errors.period ?? errors.areaCode}
        className="nk-field--short"
        autoComplete="off"
      />
      <Fieldset>
        <Fieldset.Legend>{t("valueForm.kind")}</Fieldset.Legend>
        <Radio
          name="value-mode"
          value="value"
          label={t("valueForm.kindValue")}
          checked={draft.mode === "value"}
          onChange={() => set({ mode: "value" })}
        />
        <Radio
          name="value-mode"
          value="missing"
          label={t("valueForm.kindMissing")}
          checked={draft.mode === "missing"}
          onChange={() => set({ mode: "missing" })}
        />
      </Fieldset>
      {draft.mode === "value" ? (
        <Textfield
          id={FIELD_IDS.value}
          label={t("valueForm.value")}
          description={t("valueForm.valueHelp")}
          inputMode="decimal"
          value={draft.value}
          onChange={(e) => set({ value: e.target.value })}
          error={errors.value}
          className="nk-field--short"
          autoComplete="off"
        />
      ) : (
        <Field>
          <Label htmlFor={FIELD_IDS.status}>{t("valueForm.status")}</Label>
          <Select
            id={FIELD_IDS.status}
            value={draft.status}
            onChange={(e) => set({ status: e.target.value })}
            aria-invalid={errors.status ? true : undefined}
            width="auto"
          >
            <Select.Option value="">{t("valueForm.statusChoose")}</Select.Option>
            {STATUS_CODES.map((c) => (
              <Select.Option key={c} value={c}>
                {c} – {t(`valueStatus.${c}`)}
              </Select.Option>
            ))}
          </Select>
          {errors.status && <ValidationMessage>{errors.status}</ValidationMessage>}
        </Field>
      )}
      <Textfield
        id={FIELD_IDS.source}
        label={t("valueForm.source")}
        description={t("valueForm.sourceHelp")}
        value={draft.source}
        onChange={(e) => set({ source: e.target.value })}
        error={errors.source}
      />
      <Textfield
        id={FIELD_IDS.table}
        label={t("valueForm.table")}
        value={draft.table}
        onChange={(e) => set({ table: e.target.value })}
        error={errors.table}
      />
      <Textfield
        id={FIELD_IDS.note}
        multiline
        rows={2}
        label={t("valueForm.note")}
        value={draft.note}
        onChange={(e) => set({ note: e.target.value })}
        error={errors.note}
      />
      <div className="nk-form__actions">
        <Button type="submit" loading={saving} disabled={saving}>
          {t("valueForm.submit")}
        </Button>
      </div>
    </form>
  );
}
