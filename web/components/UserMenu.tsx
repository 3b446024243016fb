/** The signed-in user's menu: name, role, the logs, the admin page (admins), sign out. */
import {
  Dropdown,
  DropdownButton,
  DropdownItem,
  DropdownList,
  DropdownTrigger,
  DropdownTriggerContext,
} from "@digdir/designsystemet-react";
import { useState } from "react";
import { useSession } from "../features/session/session.js";
import { useI18n } from "../i18n/index.js";
import { hrefFor, navigate } from "../router.js";
import type { PublicUser } from "../types.js";
import { Icon } from "./Icon.js";

export function UserMenu({ user }: { user: PublicUser }) {
  const { t } = useI18n();
  const { signOut } = useSession();
  const [open, setOpen] = useState(false);
  const go = (href: string) => {
    setOpen(false);
    navigate(href);
  };
  return (
    <DropdownTriggerContext>
      <DropdownTrigger variant="secondary" data-size="md" className="nk-usermenu__trigger">
        <Icon name="user" />
        <span className="nk-usermenu__name">{user.name}</span>
        <Icon name="chevron" />
      </DropdownTrigger>
      <Dropdown
        placement="bottom-end"
        open={open}
        onOpen={() => setOpen(true)}
        onClose={() => setOpen(false)}
        className="nk-usermenu"
        aria-label={t("userMenu.label")}
      >
        <div className="nk-usermenu__who">
          <span className="nk-usermenu__who-name">{user.name}</span>
          <span className="nk-usermenu__who-meta">
            {user.email} · {t(`roles.${user.role}`)}
          </span>
        </div>
        <DropdownList>
          <DropdownItem>
            <DropdownButton onClick={() => go(hrefFor({ name: "logs" }))}>{t("userMenu.logs")}</DropdownButton>
          </DropdownItem>
          {user.role === "admin" && (
            <DropdownItem>
              <DropdownButton onClick={() => go(hrefFor({ name: "admin-users" }))}>{t("userMenu.users")}</DropdownButton>
            </DropdownItem>
          )}
          <DropdownItem>
            <DropdownButton
              onClick={async () => {
                setOpen(false);
                await signOut();
                navigate("/");
              }}
            >
              {t("userMenu.signOut")}
            </DropdownButton>
          </DropdownItem>
        </DropdownList>
      </Dropdown>
    </DropdownTriggerContext>
  );
}
