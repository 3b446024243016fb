/** "Ny bruker": a modal dialog with the form to create a user. */
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
import { ROLES as ALL_ROLES, isOneOf, ROLE_ORDER as ROLES } from "../../../core/vocabulary.js";
import { ApiError, api } from "../../api.js";
import { errorText } from "../../components/Feedback.js";
import { FormErrors } from "../../components/FormErrors.js";
import { useI18n } from "../../i18n/index.js";
import type { PublicUser } from "../../types.js";
import { MIN_PASSWORD, type NewUserDraft, validateNewUser } from "./validate.js";

const FIELD_IDS: Record<string, string> = {
  email: "new-email",
  name: "new-name",
  role: "new-role",
  password: "new-password",
  _form: "new-email",
};
const EMPTY: NewUserDraft = { email: "", name: "", role: "editor", password: "" };

export function NewUserDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (u: PublicUser) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<NewUserDraft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const set = (patch: Partial<NewUserDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const close = () => {
    setDraft(EMPTY);
    setErrors({});
    setFormError(null);
    onClose();
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const keys = validateNewUser(draft);
    const errs = Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, t(v, { min: MIN_PASSWORD })]));
    setErrors(errs);
    setAttempt((n) => n + 1);
    const role = draft.role;
    if (Object.keys(errs).length > 0 || !isOneOf(ALL_ROLES, role)) return;
    setBusy(true);
    try {
      const user = await api("POST /api/users", { body: { ...draft, role, email: draft.email.trim(), name: draft.name.trim() } });
      setDraft(EMPTY);
      setErrors({});
      onCreated(user);
    } catch (err) {
      if (err instanceof ApiError && err.code === "conflict") setErrors({ email: t("admin.errors.emailTaken") });
      else if (err instanceof ApiError && err.details.length > 0) {
        const fe = err.fieldErrors();
        setErrors(Object.fromEntries(Object.entries(fe).map(([k, v]) => [k in FIELD_IDS ? k : "_form", v])));
      } else setFormError(errorText(t, err instanceof ApiError ? err : undefined));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={close} closeButton={t("common.closeDialog")} aria-labelledby="new-user-heading" className="nk-dialog">
      <Dialog.Block>
        <Heading level={2} data-size="sm" id="new-user-heading">
          {t("admin.newUser")}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <form onSubmit={onSubmit} noValidate className="nk-form" aria-labelledby="new-user-heading">
          <FormErrors errors={errors} fieldIds={FIELD_IDS} focusKey={attempt} />
          {formError && (
            <Alert data-color="danger" className="nk-alert">
              <Paragraph>{formError}</Paragraph>
            </Alert>
          )}
          <Textfield
            id={FIELD_IDS.email}
            label={t("admin.email")}
            type="email"
            autoComplete="off"
            value={draft.email}
            onChange={(e) => set({ email: e.target.value })}
            error={errors.email}
          />
          <Textfield
            id={FIELD_IDS.name}
            label={t("admin.name")}
            autoComplete="off"
            value={draft.name}
            onChange={(e) => set({ name: e.target.value })}
            error={errors.name}
          />
          <Field>
            <Label htmlFor={FIELD_IDS.role}>{t("admin.role")}</Label>
            <Select id={FIELD_IDS.role} value={draft.role} onChange={(e) => set({ role: e.target.value })} width="auto">
              {ROLES.map((r) => (
                <Select.Option key={r} value={r}>
                  {t(`roles.${r}`)}
                </Select.Option>
              ))}
            </Select>
            {errors.role && <ValidationMessage>{errors.role}</ValidationMessage>}
          </Field>
          <Textfield
            id={FIELD_IDS.password}
            label={t("admin.password")}
            description={t("admin.passwordHelp", { min: MIN_PASSWORD })}
            type="password"
            autoComplete="new-password"
            value={draft.password}
            onChange={(e) => set({ password: e.target.value })}
            error={errors.password}
          />
          <div className="nk-form__actions">
            <Button type="submit" loading={busy} disabled={busy}>
              {t("admin.create")}
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
