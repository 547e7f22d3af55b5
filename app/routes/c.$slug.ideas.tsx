import { EmptyState } from "~/components/empty-state";
import { useT } from "~/i18n";

export default function CommunityIdeas() {
  const t = useT();
  return (
    <section aria-labelledby="ideas-heading" className="flex flex-col gap-4">
      <h2 id="ideas-heading" className="text-xl font-semibold">
        {t("community.ideas.title")}
      </h2>
      <EmptyState>{t("community.ideas.coming")}</EmptyState>
    </section>
  );
}
