/** /admin/brukere: list users, create one, change a role, disable or enable. Admins only. */
import {
  Alert,
  Button,
  Paragraph,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
  Tag,
} from "@digdir/designsystemet-react";
import { useState } from "react";
import { ROLES as ALL_ROLES, isOneOf, ROLE_ORDER as ROLES, type Role } from "../../core/vocabulary.js";
import { ApiError, api } from "../api.js";
import { PlainLink } from "../components/AppLink.js";
import { ErrorMessage, errorText, Loading } from "../components/Feedback.js";
import { PageHeading } from "../components/PageHeading.js";
import { invalidate, useEndpoint } from "../data.js";
import { NewUserDialog } from "../features/admin/NewUserDialog.js";
import { useSession } from "../features/session/session.js";
import { useI18n } from "../i18n/index.js";
import { hrefFor } from "../router.js";
import type { PublicUser } from "../types.js";

export default function AdminUsersPage() {
  const { t } = useI18n();
  const { user, checking } = useSession();
  const isAdmin = user?.role === "admin";
  const { data: users, error } = useEndpoint(isAdmin ? "GET /api/users" : null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [message, setMessage] = useState<{ kind: "success" | "danger"; text: string } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const title = t("admin.title");

  if (checking)
    return (
      <div className="nk-container">
        <Loading />
      </div>
    );
  if (!user)
    return (
      <div className="nk-container nk-narrow">
        <PageHeading title={title}>{title}</PageHeading>
        <Paragraph>
          <PlainLink href={hrefFor({ name: "signin", next: hrefFor({ name: "admin-users" }) })} className="nk-link">
            {t("admin.signInFirst")}
          </PlainLink>
        </Paragraph>
      </div>
    );
  if (!isAdmin)
    return (
      <div className="nk-container nk-narrow">
        <PageHeading title={title}>{title}</PageHeading>
        <Alert data-color="warning" className="nk-alert">
          <Paragraph>{t("admin.notAdmin")}</Paragraph>
        </Alert>
      </div>
    );

  const update = async (u: PublicUser, patch: { role?: Role; disabled?: boolean }, done: string) => {
    setBusyId(u.id);
    setMessage(null);
    try {
      await api("PATCH /api/users/:id", { params: { id: u.id }, body: patch });
      setMessage({ kind: "success", text: done });
      invalidate((p) => p === "/api/users");
    } catch (err) {
      const e = err instanceof ApiError ? err : undefined;
      setMessage({ kind: "danger", text: e?.code === "conflict" || e?.code === "bad_request" ? e.message : errorText(t, e) });
    } finally {
      setBusyId(null);
    }
  };

  return (
    <div className="nk-container nk-admin">
      <div className="nk-pagehead nk-pagehead--row">
        <PageHeading title={title}>{title}</PageHeading>
        <Button onClick={() => setDialogOpen(true)} className="nk-no-print">
          {t("admin.newUser")}
        </Button>
      </div>
      <Paragraph className="nk-lead">{t("admin.intro")}</Paragraph>
      <div aria-live="polite" className="nk-live">
        {message && (
          <Alert data-color={message.kind} className="nk-alert">
            <Paragraph>{message.text}</Paragraph>
          </Alert>
        )}
      </div>
      {error && !users ? (
        <ErrorMessage error={error} />
      ) : !users ? (
        <Loading />
      ) : (
        <Table className="nk-table nk-table--stack" data-size="sm" zebra>
          <caption className="nk-visually-hidden">{t("admin.tableCaption")}</caption>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t("admin.name")}</TableHeaderCell>
              <TableHeaderCell>{t("admin.email")}</TableHeaderCell>
              <TableHeaderCell>{t("admin.role")}</TableHeaderCell>
              <TableHeaderCell>{t("admin.state")}</TableHeaderCell>
              <TableHeaderCell>{t("admin.actions")}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {users.map((u) => {
              const self = u.id === user.id;
              return (
                <TableRow key={u.id}>
                  <TableCell data-label={t("admin.name")}>{u.name}</TableCell>
                  <TableCell data-label={t("admin.email")}>{u.email}</TableCell>
                  <TableCell data-label={t("admin.role")}>
                    <Select
                      aria-label={t("admin.roleFor", { name: u.name })}
                      value={u.role}
                      disabled={busyId === u.id || self}
                      width="auto"
                      data-size="sm"
                      onChange={(e) => {
                        const role = e.target.value;
                        if (!isOneOf(ALL_ROLES, role)) return;
                        void update(u, { role }, t("admin.roleChanged", { name: u.name, role: t(`roles.${role}`) }));
                      }}
                    >
                      {ROLES.map((r) => (
                        <Select.Option key={r} value={r}>
                          {t(`roles.${r}`)}
                        </Select.Option>
                      ))}
                    </Select>
                  </TableCell>
                  <TableCell data-label={t("admin.state")}>
                    <Tag data-color={u.disabled ? "danger" : "success"} data-size="sm" variant="outline">
                      {u.disabled ? t("admin.disabled") : t("admin.active")}
                    </Tag>
                  </TableCell>
                  <TableCell data-label={t("admin.actions")}>
                    {self ? (
                      <span className="nk-muted">{t("admin.you")}</span>
                    ) : (
                      <Button
                        variant="secondary"
                        data-size="sm"
                        data-color={u.disabled ? "accent" : "danger"}
                        disabled={busyId === u.id}
                        aria-label={u.disabled ? t("admin.enableUser", { name: u.name }) : t("admin.disableUser", { name: u.name })}
                        onClick={() =>
                          void update(
                            u,
                            { disabled: !u.disabled },
                            u.disabled ? t("admin.enabled", { name: u.name }) : t("admin.disabledDone", { name: u.name }),
                          )
                        }
                      >
                        {u.disabled ? t("admin.enable") : t("admin.disable")}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <NewUserDialog
        open={dialogOpen}
        onClose={() => setDialogOpen(false)}
        onCreated={(u) => {
          setDialogOpen(false);
          setMessage({ kind: "success", text: t("admin.created", { name: u.name, email: u.email }) });
          invalidate((p) => p === "/api/users");
        }}
      />
    </div>
  );
}
