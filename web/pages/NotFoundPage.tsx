import { Paragraph } from "@digdir/designsystemet-react";
import { AppLink } from "../components/AppLink.js";
import { PageHeading } from "../components/PageHeading.js";
import { useI18n } from "../i18n/index.js";

export default function NotFoundPage() {
  const { t } = useI18n();
  return (
    <div className="nk-container nk-narrow">
      <PageHeading title={t("errors.notFoundTitle")}>{t("errors.notFoundTitle")}</PageHeading>
      <Paragraph>{t("errors.notFoundText")}</Paragraph>
      <Paragraph>
        <AppLink href="/">{t("nav.toOverview")}</AppLink>
      </Paragraph>
    </div>
  );
}
