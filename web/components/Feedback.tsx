/** Loading and error states shared by the pages. */
import { Alert, Paragraph, Spinner } from "@digdir/designsystemet-react";
import type { ApiError } from "../api.js";
import { useI18n } from "../i18n/index.js";

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  const text = label ?? t("common.loading");
  return (
    <div className="nk-loading" role="status">
      <Spinner aria-hidden="true" data-size="md" />
      <span>{text}</span>
    </div>
  );
}

export function errorText(t: (k: string) => string, error: ApiError | undefined): string {
  if (!error) return "";
  if (error.status === 404) return t("errors.notFound");
  if (error.status === 401) return t("errors.unauthenticated");
  if (error.status === 403) return t("errors.forbidden");
  if (error.status === 429) return t("errors.rateLimited");
  if (error.status === 0) return t("errors.network");
  return t("errors.generic");
}

export function ErrorMessage({ error }: { error: ApiError | undefined }) {
  const { t } = useI18n();
  return (
    <Alert data-color="danger" className="nk-alert">
      <Paragraph>{errorText(t, error)}</Paragraph>
    </Alert>
  );
}
