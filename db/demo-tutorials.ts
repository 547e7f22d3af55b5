import { eq } from "drizzle-orm";
import type { Guilde } from "../server/context";
import { commentOnTutorial } from "../server/tutorials/comment-on-tutorial";
import { markHelped } from "../server/tutorials/mark-helped";
import { recordTutorialView } from "../server/tutorials/record-tutorial-view";
import { writeTutorial } from "../server/tutorials/write-tutorial";
import { posts, replies, tutorials, type User } from "./schema";

/**
 * The demo's tutorials, written by monitors through the real services, then moved back in time. Their
 * videos are links to an allowed host (the repository carries no video file).
 */
interface DemoTutorial {
  community: string;
  by: string;
  publishedDaysAgo: number;
  title: string;
  summary: string;
  steps: string;
  tags: string[];
  difficulty: "beginner" | "intermediate" | "advanced";
  minutes: number;
  videoUrl?: string;
  helpedBy: string[];
  comments?: { by: string; body: string }[];
}

const demoTutorials: DemoTutorial[] = [
  {
    community: "cycling-repair",
    by: "karim.benali",
    publishedDaysAgo: 12,
    title: "Purger des freins hydrauliques Shimano",
    summary: "Quand le levier devient spongieux : une purge propre en vingt minutes, à l'huile minérale, sans bulle.",
    steps: [
      "### Ce qu'il faut",
      "Huile minérale Shimano (jamais de DOT), le kit de purge (seringue, entonnoir, bouchon), une cale de purge, des chiffons.",
      "",
      "1. Déposer la roue et les plaquettes, mettre la cale de purge dans l'étrier.",
      "2. Mettre le levier à l'horizontale, visser l'entonnoir sur le maître-cylindre.",
      "3. Pousser l'huile depuis l'étrier avec la seringue jusqu'à ce qu'elle monte sans bulles dans l'entonnoir.",
      "4. Fermer la vis de purge, actionner le levier doucement : les dernières bulles remontent.",
      "5. Boucher l'entonnoir, le déposer, refermer le réservoir. Nettoyer l'étrier à l'alcool.",
      "",
      "**Ne jamais** laisser l'entonnoir se vider pendant la purge : l'air rentrerait dans le circuit.",
    ].join("\n"),
    tags: ["freins", "hydraulique", "atelier"],
    difficulty: "intermediate",
    minutes: 20,
    videoUrl: "https://www.youtube.com/results?search_query=purge+frein+shimano+huile+minerale",
    helpedBy: ["lea.dubois", "hugo.martin", "thomas.petit"],
    comments: [{ by: "lea.dubois", body: "Fait sur un VTT en atelier ce matin, le levier est comme neuf. Merci Karim !" }],
  },
  {
    community: "running",
    by: "lucas.garnier",
    publishedDaysAgo: 5,
    title: "Conseiller une chaussure de running en 10 minutes",
    summary: "Une méthode en cinq questions pour orienter un client vers la bonne chaussure, de l'amorti à la pointure.",
    steps: [
      "1. **Quelle pratique ?** Route, chemin, piste ; distance par semaine.",
      "2. **Quel objectif ?** Reprise, 10 km, marathon : l'amorti et le poids en découlent.",
      "3. **Observer la foulée** sur le tapis ou dans l'allée, pieds nus puis avec ses chaussures actuelles.",
      "4. **Mesurer les deux pieds**, en fin de journée si possible ; garder un pouce devant l'orteil le plus long.",
      "5. **Faire essayer deux modèles**, un pied chacun, et courir quelques mètres.",
    ].join("\n"),
    tags: ["chaussures", "conseil-client"],
    difficulty: "beginner",
    minutes: 10,
    videoUrl: "https://vimeo.com/search?q=running+shoe+fitting",
    helpedBy: ["sophie.moreau", "emma.roux"],
  },
];

export async function seedDemoTutorials(guilde: Guilde, { person, communityIds }: { person: (handle: string) => User; communityIds: Map<string, string> }): Promise<void> {
  for (const demo of demoTutorials) {
    const communityId = communityIds.get(demo.community);
    if (!communityId) throw new Error(`demo community ${demo.community} is missing`);
    const { tutorialId } = await writeTutorial(guilde, {
      viewer: person(demo.by),
      communityId,
      input: { title: demo.title, summary: demo.summary, body: demo.steps, tags: demo.tags, difficulty: demo.difficulty, minutes: demo.minutes, videoUrl: demo.videoUrl ?? "" },
      publish: true,
    });
    const publishedAt = new Date(Date.now() - demo.publishedDaysAgo * 24 * 60 * 60 * 1000);
    const dayLater = new Date(publishedAt.getTime() + 24 * 60 * 60 * 1000);
    // Those it helped read it first, the day after it came out.
    const shown = { id: tutorialId, author: person(demo.by), listed: true };
    for (const handle of demo.helpedBy) await recordTutorialView(guilde, { viewer: person(handle), tutorial: shown, now: dayLater });
    for (const handle of demo.helpedBy) await markHelped(guilde, { viewer: person(handle), tutorialId, input: { helped: true } });
    for (const { by, body } of demo.comments ?? []) await commentOnTutorial(guilde, { viewer: person(by), tutorialId, input: { body } });

    await guilde.db.update(posts).set({ createdAt: publishedAt, lastActivityAt: dayLater }).where(eq(posts.id, tutorialId));
    await guilde.db.update(tutorials).set({ publishedAt }).where(eq(tutorials.postId, tutorialId));
    await guilde.db.update(replies).set({ createdAt: dayLater }).where(eq(replies.postId, tutorialId));
  }
}
