/** Sign in with e-mail and password; back to where the user came from. */
import { Alert, Button, Card, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { ApiError } from "../api.js";
import { errorText } from "../components/Feedback.js";
import { FormErrors } from "../components/FormErrors.js";
import { PageHeading } from "../components/PageHeading.js";
import { useSession } from "../features/session/session.js";
import { useI18n } from "../i18n/index.js";
import { navigate } from "../router.js";

const FIELD_IDS = { email: "signin-email", password: "signin-password" };

export default function SignInPage({ next }: { next?: string }) {
  const { t } = useI18n();
  const { signIn, user } = useSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const errs: Record<string, string> = {};
    if (!email.trim()) errs.email = t("signIn.errors.emailRequired");
    else if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) errs.email = t("signIn.errors.emailInvalid");
    if (!password) errs.password = t("signIn.errors.passwordRequired");
    setErrors(errs);
    setAttempt((n) => n + 1);
    if (Object.keys(errs).length > 0) return;
    setBusy(true);
    try {
      await signIn(email.trim(), password);
      navigate(next ?? "/", { replace: true });
    } catch (err) {
      const apiErr = err instanceof ApiError ? err : undefined;
      setFormError(apiErr?.status === 401 ? t("signIn.errors.wrong") : errorText(t, apiErr));
      setPassword("");
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="nk-container nk-narrow">
      <PageHeading title={t("signIn.title")}>{t("signIn.title")}</PageHeading>
      {user && (
        <Alert data-color="info" className="nk-alert">
          <Paragraph>{t("signIn.already", { name: user.name })}</Paragraph>
        </Alert>
      )}
      <Card className="nk-panel">
        <form onSubmit={onSubmit} noValidate className="nk-form" aria-label={t("signIn.title")}>
          <Paragraph data-size="sm">{t("signIn.intro")}</Paragraph>
          <FormErrors errors={errors} fieldIds={FIELD_IDS} focusKey={attempt} />
          {formError && (
            <Alert data-color="danger" className="nk-alert" role="alert">
              <Paragraph>{formError}</Paragraph>
            </Alert>
          )}
          <Textfield
            id={FIELD_IDS.email}
            label={t("signIn.email")}
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={errors.email}
          />
          <Textfield
            id={FIELD_IDS.password}
            label={t("signIn.password")}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={errors.password}
          />
          <div className="nk-form__actions">
            <Button type="submit" loading={busy} disabled={busy}>
              {t("signIn.submit")}
            </Button>
          </div>
        </form>
      </Card>
    </div>
  );
}
