import { useT } from "~/i18n";
import { Badge } from "./badge";

export type CommunityVisibility = "internal" | "private" | "open";
export type CommunityRole = "member" | "monitor" | "moderator";

/** Who may read the community: internal, private, or open to customers. */
export function VisibilityBadge({ visibility }: { visibility: CommunityVisibility }) {
  const t = useT();
  const tone = visibility === "private" ? "warning" : visibility === "open" ? "success" : "neutral";
  return <Badge tone={tone}>{t(`communities.visibility.${visibility}`)}</Badge>;
}

/** The viewer's own place in a community, or their pending request. */
export function MyRoleBadge({ role, status }: { role: CommunityRole | null; status: "active" | "pending" | null }) {
  const t = useT();
  if (!status || !role) return null;
  if (status === "pending") return <Badge tone="warning">{t("communities.myRole.pending")}</Badge>;
  return <Badge tone="brand">{t("communities.myRole", { role: t(`communities.role.${role}`) })}</Badge>;
}

/** The visible mark next to a monitor's or moderator's name. */
export function RoleMark({ role }: { role: CommunityRole }) {
  const t = useT();
  if (role === "member") return null;
  return <Badge tone={role === "monitor" ? "success" : "brand"}>{t(`communities.role.${role}`)}</Badge>;
}
