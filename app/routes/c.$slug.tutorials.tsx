import { EmptyState } from "~/components/empty-state";
import { useT } from "~/i18n";

export default function CommunityTutorials() {
  const t = useT();
  return (
    <section aria-labelledby="tutorials-heading" className="flex flex-col gap-4">
      <h2 id="tutorials-heading" className="text-xl font-semibold">
        {t("community.tutorials.title")}
      </h2>
      <EmptyState>{t("community.tutorials.coming")}</EmptyState>
    </section>
  );
}
