import { and, eq, sql } from "drizzle-orm";
import { createCommunity } from "../server/communities/create-community";
import { decideJoinRequest, joinCommunity, setModerator } from "../server/communities/memberships";
import { applyToBeMonitor, decideMonitorApplication } from "../server/communities/monitors";
import type { Guilde } from "../server/context";
import { acceptAnswer } from "../server/questions/accept-answer";
import { answerQuestion } from "../server/questions/answer-question";
import { askQuestion } from "../server/questions/ask-question";
import { comment } from "../server/questions/comment";
import { closeQuestion } from "../server/questions/moderate-question";
import { vote } from "../server/questions/vote";
import { seedDemoIdeas } from "./demo-ideas";
import { seedDemoTutorials } from "./demo-tutorials";
import { seedDemoBarometers } from "./demo-barometers";
import { seedDemoEvents } from "./demo-events";
import { communities, communityMembers, monitorApplications, notifications, posts, replies, type CommunityVisibility, type User } from "./schema";

/**
 * The demo's communities and their questions: the loop Guilde exists for, seen from every side. An
 * employee of one store asks, a monitor of another site answers within hours, the answer is accepted
 * and found again later. Written through the real services, then moved back in time so that the lists
 * look lived-in.
 */

type Handle =
  | "camille.laurent"
  | "hugo.martin"
  | "lea.dubois"
  | "karim.benali"
  | "sophie.moreau"
  | "thomas.petit"
  | "emma.roux"
  | "lucas.garnier";

type Slug = "cycling-repair" | "whitewater" | "running" | "camping" | "store-operations";

/** A time after another: "2h30", "45m", "3d4h". */
type Offset = string;

/** A moment of the demo's past: a number of days before today, at a time of day ("09:40"). */
interface DemoMoment {
  daysAgo: number;
  at: string;
}

interface DemoMonitor {
  handle: Handle;
  topics: string;
  motivation: string;
}

interface DemoCommunity {
  slug: Slug;
  name: string;
  visibility: CommunityVisibility;
  color: string;
  themes: string;
  description: string;
  createdDaysAgo: number;
  /** Camille, who creates every community, moderates it too; these are appointed besides her. */
  moderators: Handle[];
  /** They join, apply and are approved by the first moderator. */
  monitors: DemoMonitor[];
  members: Handle[];
  /** Still waiting for a moderator's decision, so that moderators have something to do. */
  waiting?: { members?: Handle[]; monitors?: DemoMonitor[] };
}

interface DemoComment {
  by: Handle;
  after: Offset;
  body: string;
}

interface DemoAnswer {
  by: Handle;
  after: Offset;
  body: string;
  upvotes?: Handle[];
  comments?: DemoComment[];
  /** The asker accepts this answer, this long after asking. */
  acceptedAfter?: Offset;
}

interface DemoQuestion {
  key: string;
  community: Slug;
  by: Handle;
  asked: DemoMoment;
  title: string;
  body: string;
  tags: string[];
  upvotes?: Handle[];
  answers?: DemoAnswer[];
  comments?: DemoComment[];
  closedAsDuplicate?: { of: string; by: Handle; after: Offset; note: string };
}

/** Strips the indentation that Markdown bodies get from being written inside this file. */
function md(text: string): string {
  const lines = text.replace(/^\n/, "").trimEnd().split("\n");
  const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => line.match(/^ */)![0].length));
  return lines.map((line) => line.slice(indent)).join("\n");
}

export const demoCommunities: DemoCommunity[] = [
  {
    slug: "cycling-repair",
    name: "Cycling repair",
    visibility: "internal",
    color: "#0f766e",
    themes: "freins, hydraulique, roues, tubeless, transmission, serrage, vae",
    description:
      "Le savoir-faire des ateliers cycle de toute l'enseigne : freins, roues, transmissions, vélos électriques. Posez vos questions d'atelier, les techniciens des autres magasins répondent.",
    createdDaysAgo: 70,
    moderators: ["hugo.martin"],
    monitors: [
      {
        handle: "karim.benali",
        topics: "freins, hydraulique, roues",
        motivation: "Dix ans d'atelier à Lille, dont cinq sur les freins hydrauliques et le montage de roues. Je fais déjà les tutoriels vidéo du magasin.",
      },
    ],
    members: ["lea.dubois", "thomas.petit", "lucas.garnier"],
  },
  {
    slug: "whitewater",
    name: "Whitewater",
    visibility: "open",
    color: "#1d4ed8",
    themes: "kayak, canoë, rafting, néoprène, sécurité, étanchéité",
    description:
      "Kayak, canoe and rafting gear: choosing it, fitting it, fixing it. Open to our employees and to the customers we invite, as the forum for our whitewater products.",
    createdDaysAgo: 68,
    moderators: [],
    monitors: [
      {
        handle: "sophie.moreau",
        topics: "kayak, néoprène, sécurité",
        motivation: "Whitewater rafting guide on weekends for eight years, and in charge of the water sports department in Bordeaux.",
      },
    ],
    members: ["hugo.martin", "thomas.petit", "karim.benali", "emma.roux"],
  },
  {
    slug: "running",
    name: "Running",
    visibility: "internal",
    color: "#c2410c",
    themes: "chaussures, drop, trail, foulée, montre, blessure",
    description:
      "Conseiller un coureur : chaussures, drop, trail, montres et textiles. Pour les vendeurs qui veulent répondre juste, du premier 5 km au marathon.",
    createdDaysAgo: 66,
    moderators: [],
    monitors: [
      {
        handle: "lucas.garnier",
        topics: "chaussures, drop, trail",
        motivation: "Marathonien (2 h 58), vendeur running à Lyon depuis six ans, formé à l'analyse de la foulée.",
      },
    ],
    members: ["thomas.petit", "lea.dubois", "hugo.martin", "emma.roux"],
  },
  {
    slug: "camping",
    name: "Camping",
    visibility: "internal",
    color: "#3f6212",
    themes: "tente, arceau, couchage, réchaud, bivouac, réparation",
    description:
      "Tentes, couchage, cuisine de plein air : conseils de vente et réparations en magasin, du camping familial au bivouac léger.",
    createdDaysAgo: 64,
    moderators: [],
    monitors: [
      {
        handle: "sophie.moreau",
        topics: "tente, bivouac, réparation",
        motivation: "Every rafting trip I guide ends in a bivouac: I pitch, fix and dry tents all summer long.",
      },
    ],
    members: ["lucas.garnier", "emma.roux", "hugo.martin", "thomas.petit"],
    waiting: {
      monitors: [
        {
          handle: "hugo.martin",
          topics: "bikepacking, bivouac",
          motivation: "Ten summers of bikepacking: lightweight bivouac, carrying a tent and a stove on a bike. Happy to answer those questions.",
        },
      ],
    },
  },
  {
    slug: "store-operations",
    name: "Store operations",
    visibility: "private",
    color: "#6d28d9",
    themes: "stock, inventaire, click-and-collect, retours, antivol, caisse",
    description:
      "Stock, inventaires, click & collect, retours et antivol : les procédures des magasins et de l'entrepôt. Communauté réservée aux équipes, sur demande.",
    createdDaysAgo: 61,
    moderators: [],
    monitors: [
      {
        handle: "emma.roux",
        topics: "stock, click-and-collect, inventaire",
        motivation: "I run the click & collect flows at the Saint-Priest warehouse and wrote the stores' inventory procedure.",
      },
    ],
    members: ["thomas.petit", "hugo.martin", "lea.dubois", "sophie.moreau"],
    waiting: { members: ["lucas.garnier"] },
  },
];

export const demoQuestions: DemoQuestion[] = [
  {
    key: "bleed",
    community: "cycling-repair",
    by: "lea.dubois",
    asked: { daysAgo: 30, at: "09:20" },
    title: "Purger un frein hydraulique Shimano : la procédure pas à pas ?",
    body: md(`
      Un client a ramené son VTT avec un frein arrière Shimano (MT501) spongieux : le levier s'enfonce presque jusqu'au cintre. Je n'ai jamais fait de purge seule.

      - Quelle huile utiliser ? On a du liquide DOT à l'atelier, c'est pareil ?
      - On purge par le haut ou par le bas ?
      - Comment savoir que c'est fini ?

      Merci !
    `),
    tags: ["freins", "hydraulique", "shimano"],
    upvotes: ["hugo.martin", "thomas.petit", "karim.benali"],
    answers: [
      {
        by: "karim.benali",
        after: "1h35",
        acceptedAfter: "3h10",
        upvotes: ["lea.dubois", "hugo.martin", "thomas.petit", "lucas.garnier", "camille.laurent"],
        body: md(`
          **Surtout pas de DOT** : Shimano utilise uniquement de l'**huile minérale** (Shimano Mineral Oil, flacon rouge). Le DOT attaque les joints, le frein serait à changer entièrement.

          Matériel : kit de purge Shimano (entonnoir à visser sur le levier et son bouchon), une seringue avec son tube, une clé plate de 7 mm, la cale de purge jaune, des chiffons, de l'alcool isopropylique.

          1. Démonte la roue et **les plaquettes**, mets la cale de purge jaune dans l'étrier : les plaquettes ne doivent jamais voir d'huile.
          2. Place le levier à l'horizontale, vis de purge vers le haut (desserre son collier et tourne-le sur le cintre si besoin).
          3. Retire la vis de purge du levier et visse l'entonnoir à la place.
          4. Seringue remplie d'huile, sans bulles, sur le téton de purge de l'étrier : clé de 7 mm en place **avant** le tube, ouvre d'un huitième de tour et pousse l'huile par le bas jusqu'à ce qu'il ne remonte plus de bulles dans l'entonnoir.
          5. Referme le téton (4 à 6 N·m) et retire la seringue.
          6. Actionne doucement le levier plusieurs fois, tapote la durite et l'étrier : les dernières bulles remontent dans l'entonnoir. Incline le levier d'environ 30° de chaque côté pour chasser celles qui restent coincées.
          7. Entonnoir plein, mets le bouchon, retire l'entonnoir et revisse la vis de purge avec son joint torique **en laissant l'huile déborder**, pour ne pas réintroduire d'air (0,5 à 1 N·m, pas plus : le filetage est fragile).
          8. Nettoie tout à l'alcool isopropylique, remonte plaquettes et roue, puis rode les plaquettes : une dizaine de freinages appuyés vers 20 km/h.

          C'est fini quand le levier est **ferme et mord toujours au même point**, même le lendemain. Si des plaquettes ont pris de l'huile, on les change : elles ne se récupèrent pas.
        `),
        comments: [
          { by: "lea.dubois", after: "3h05", body: "Fait par le bas comme tu dis : levier ferme, le client repart ce soir. Merci Karim !" },
          {
            by: "thomas.petit",
            after: "11d6h40",
            body: "Retrouvé grâce au lien de Hugo : purge faite en vingt minutes sur un Deore de location, levier ferme. Procédure imprimée pour l'atelier de Nantes.",
          },
        ],
      },
    ],
  },
  {
    key: "spongy-lever",
    community: "cycling-repair",
    by: "thomas.petit",
    asked: { daysAgo: 19, at: "10:40" },
    title: "Levier de frein Deore qui s'enfonce jusqu'au cintre",
    body: md(`
      VTT de location revenu ce matin : le levier du frein avant (Shimano Deore) va jusqu'au cintre. Les plaquettes ont l'air correctes. On purge ? Avec quoi ?
    `),
    tags: ["freins", "shimano"],
    comments: [
      {
        by: "karim.benali",
        after: "25m",
        body: "Avant de purger : vérifie qu'il reste plus de 0,5 mm de garniture sur les plaquettes et qu'il n'y a aucune trace d'huile au levier ou à l'étrier (une fuite, c'est une pièce à changer, pas une purge). Si tout est sec, c'est de l'air : la procédure pas à pas vaut pour toute la gamme Shimano.",
      },
    ],
    closedAsDuplicate: { of: "bleed", by: "hugo.martin", after: "40m", note: "Même cause, même procédure : voir la purge pas à pas de Karim." },
  },
  {
    key: "truing",
    community: "cycling-repair",
    by: "lea.dubois",
    asked: { daysAgo: 24, at: "10:05" },
    title: "Dévoiler une roue arrière : par où commencer ?",
    body: md(`
      Roue arrière 28 pouces d'un VTC, voile latéral d'environ 3 mm après une chute, pas de saut visible. J'ai le pied à dévoiler mais je ne sais pas dans quel ordre tourner les rayons, ni de combien.

      Et côté cassette, les rayons sont beaucoup plus tendus que de l'autre côté : c'est normal ?
    `),
    tags: ["roues", "rayons", "atelier"],
    upvotes: ["thomas.petit", "karim.benali"],
    answers: [
      {
        by: "karim.benali",
        after: "2h10",
        acceptedAfter: "5h",
        upvotes: ["lea.dubois", "hugo.martin", "thomas.petit"],
        body: md(`
          Oui, c'est normal : à l'arrière, la cassette décale le moyeu, et pour garder la jante centrée les rayons côté cassette sont nettement plus tendus.

          **Avant de commencer**
          - Dégonfle le pneu, et mets une goutte d'huile fine sur chaque écrou s'ils sont secs.
          - Prends la clé à rayons à la bonne taille (3,2 mm pour la plupart des écrous 14G DT Swiss ou Sapim) : une clé trop grande arrondit les écrous.
          - Repère le sens : vu **côté pneu**, on serre dans le sens des aiguilles d'une montre ; vu côté moyeu, c'est l'inverse.

          **Voile latéral**
          1. Approche le palpeur jusqu'à ce qu'il frotte au point le plus décalé.
          2. Au milieu de la zone qui frotte, **resserre** le rayon qui part vers le côté opposé et **desserre** d'autant ses voisins qui partent du côté qui frotte.
          3. Un quart de tour au plus à la fois, un huitième en finition. Refais un tour de roue, recommence.
          4. Arrête-toi quand il reste moins de 0,5 mm.

          **Saut (voile radial)** : sur un point haut, resserre la paire de rayons à cet endroit, un de chaque côté et autant l'un que l'autre ; sur un point bas, desserre.

          **Pour finir** : presse les rayons deux à deux à la main pour les détendre (ça craque un peu, c'est normal), revérifie, puis contrôle le centrage au contrôleur de déport.

          S'il faut tourner un rayon de plus d'un tour, ou si la jante est pliée ou fissurée, la roue est à changer, pas à dévoiler.
        `),
        comments: [{ by: "lea.dubois", after: "5h10", body: "Le « vu côté pneu », c'est exactement ce qui me bloquait. Roue à 0,3 mm, merci !" }],
      },
      {
        by: "hugo.martin",
        after: "4h",
        upvotes: ["lea.dubois", "karim.benali"],
        body: md(`
          Un complément : passe le tensiomètre (chaque atelier en a un depuis l'an dernier) et vise une tension homogène côté cassette, à 10 % près d'un rayon à l'autre. Une roue dévoilée avec des tensions très inégales se revoile en quelques sorties.
        `),
      },
    ],
  },
  {
    key: "tubeless",
    community: "cycling-repair",
    by: "thomas.petit",
    asked: { daysAgo: 21, at: "16:30" },
    title: "Crevaison tubeless : mèche ou chambre à air en dépannage ?",
    body: md(`
      Samedi, un client arrive avec un pneu tubeless à plat : le liquide préventif n'a pas bouché le trou (un silex, trou d'environ 3 mm dans la bande de roulement). On n'a pas de mécanicien le samedi à Nantes.

      Qu'est-ce qu'un vendeur peut faire proprement en un quart d'heure ?
    `),
    tags: ["tubeless", "crevaison", "pneus"],
    upvotes: ["lea.dubois", "hugo.martin"],
    answers: [
      {
        by: "karim.benali",
        after: "50m",
        acceptedAfter: "1h30",
        upvotes: ["thomas.petit", "hugo.martin", "lea.dubois", "lucas.garnier"],
        body: md(`
          Pour un trou de cette taille dans la bande de roulement, la **mèche** (kit de réparation tubeless) est la bonne réponse, et un vendeur peut la poser :

          1. Repère le trou et tourne-le vers le bas, pour que le liquide restant s'y accumule.
          2. Retire le silex, passe une fois l'alésoir du kit dans le trou.
          3. Enfonce une mèche avec l'outil aux deux tiers, puis ressors l'outil sans tourner : la mèche reste en place.
          4. Regonfle à la pression habituelle (pompe à haut débit ou réservoir d'air) et fais tourner la roue pour répartir le liquide.
          5. Coupe la mèche en laissant 2 à 3 mm, pas plus court.

          Profites-en pour remettre du liquide (30 ml sur un pneu route, 60 à 100 ml en VTT selon la section) : il sèche en trois à six mois, et c'est souvent pour ça qu'il n'a pas bouché.

          **Chambre à air** si la coupure est sur le flanc, si le trou dépasse 6 mm ou si la jante est abîmée. Retire alors la valve tubeless, vide le liquide, passe les doigts (gantés) à l'intérieur du pneu pour qu'aucune épine ne reste, et monte la chambre. C'est un dépannage : le client repasse à l'atelier pour une rustine intérieure ou un pneu neuf.
        `),
      },
      {
        by: "hugo.martin",
        after: "2h",
        upvotes: ["thomas.petit"],
        body: md(`
          Ce qu'on fait à Lille : un kit mèche et un flacon de liquide restent à la caisse, avec la fiche « Crevaison tubeless en 5 étapes » plastifiée. Tous les vendeurs du samedi sont formés en dix minutes. Je t'envoie la fiche si tu veux.
        `),
        comments: [{ by: "thomas.petit", after: "2h20", body: "Oui, je veux bien la fiche, on fait pareil à Nantes dès samedi." }],
      },
    ],
  },
  {
    key: "torque",
    community: "cycling-repair",
    by: "lea.dubois",
    asked: { daysAgo: 15, at: "11:45" },
    title: "Couples de serrage sur un cockpit carbone : quelles valeurs ?",
    body: md(`
      On a reçu une clé dynamométrique 2–24 N·m à Lyon. Pour un vélo de route avec cintre et potence carbone, quelles valeurs utiliser quand rien n'est gravé sur la pièce ? Et pour le reste du vélo, vous avez un tableau de référence ?
    `),
    tags: ["serrage", "carbone", "route"],
    upvotes: ["karim.benali", "thomas.petit", "lucas.garnier"],
    answers: [
      {
        by: "hugo.martin",
        after: "1h20",
        acceptedAfter: "2h",
        upvotes: ["lea.dubois", "karim.benali", "thomas.petit", "camille.laurent"],
        body: md(`
          **La valeur gravée sur la pièce, ou donnée dans sa notice, prime toujours.** Quand elle manque, voici le tableau qu'on utilise à Lille (valeurs Shimano pour les pièces Shimano, pratique courante pour le reste) :

          | Pièce | Couple | Remarque |
          | --- | --- | --- |
          | Potence, vis du capot de cintre | 4–5 N·m | en croix, même écart en haut et en bas |
          | Potence, vis de serrage sur le pivot | 5 N·m | après le réglage du jeu de direction |
          | Collier de tige de selle carbone | 5 N·m | avec pâte de montage carbone |
          | Leviers de frein et de vitesses | 6–8 N·m | |
          | Étrier de frein à disque | 6–8 N·m | |
          | Vis de disque 6 trous | 2–4 N·m | |
          | Écrou de disque Center Lock | 40 N·m | |
          | Manivelle gauche Hollowtech II | 12–14 N·m | les deux vis en alternance |
          | Pédales | 35–55 N·m | graisse sur le filetage |

          Au-delà de 24 N·m (Center Lock, pédales), ta clé ne suffit pas : il faut la grande clé de l'atelier.

          Sur le carbone : de la pâte de montage, jamais de graisse, sur le cintre, le pivot et la tige de selle, et aucun serrage « au feeling » : une vis trop serrée fissure le tube sans que ça se voie.
        `),
        comments: [{ by: "lea.dubois", after: "1d2h", body: "Tableau plastifié et accroché au-dessus de l'établi à Lyon." }],
      },
    ],
  },
  {
    key: "crank-knock",
    community: "cycling-repair",
    by: "lucas.garnier",
    asked: { daysAgo: 2, at: "17:50" },
    title: "Claquement dans le pédalier d'un vélo de location, seulement en danseuse",
    body: md(`
      Vélo de route de location, environ 3 000 km : un claquement à chaque tour de pédale, uniquement en danseuse. Pédales resserrées, ça continue.

      Boîtier de pédalier, ou autre chose à vérifier avant de tout démonter ?
    `),
    tags: ["pédalier", "bruit", "location"],
  },
  {
    key: "hatch",
    community: "whitewater",
    by: "thomas.petit",
    asked: { daysAgo: 27, at: "15:10" },
    title: "Kayak sit-on-top : la trappe avant prend l'eau",
    body: md(`
      Une cliente nous rapporte son kayak sit-on-top acheté en juin : après une heure de balade, il y a environ un litre d'eau dans la coque. Elle pense que c'est la trappe avant (trappe ovale à clips).

      Comment vérifier en magasin d'où vient la fuite, et qu'est-ce qu'on peut réparer nous-mêmes ?
    `),
    tags: ["kayak", "étanchéité", "sav"],
    upvotes: ["sophie.moreau", "hugo.martin"],
    answers: [
      {
        by: "sophie.moreau",
        after: "2h25",
        acceptedAfter: "4h",
        upvotes: ["thomas.petit", "hugo.martin", "camille.laurent", "karim.benali"],
        body: md(`
          Un litre en une heure, c'est une vraie fuite (quelques centilitres par la trappe dans une eau agitée, c'est normal). Les coupables, du plus fréquent au plus rare :

          1. **Le joint de trappe** : décollé, pincé ou écrasé. Glisse une bande de papier sous la trappe fermée, à plusieurs endroits : elle doit résister partout.
          2. **Le bouchon de vidange** : joint torique absent ou desséché.
          3. **Les vis et rivets des accessoires** (poignées, porte-canne, fixations de pagaie) : souvent la vraie cause, l'eau passe par un trou de fixation.
          4. **Une fissure** de la coque, surtout autour des dalots (les trous qui traversent un sit-on-top) ou dessous, si le kayak a été traîné.

          **Le test en magasin** : coque sur tréteaux, trappes fermées. Retire le bouchon de vidange, souffle un peu d'air dans la coque (à la bouche ou avec une pompe basse pression, jamais au compresseur), remets le bouchon, puis passe de l'eau savonneuse sur la trappe, les fixations et les dalots. Les bulles montrent la fuite.

          **Réparable en magasin** : le joint de trappe (pièce détachée chez le fournisseur), le joint torique du bouchon, une fixation qui fuit (dépose, joint caoutchouc neuf sous la pièce, rivet étanche). Les mastics et les colles courants n'accrochent pas sur le polyéthylène : n'en mets pas.

          **Fissure de la coque** : c'est pour la garantie (soudure plastique chez le fabricant), on ne la répare pas en magasin.
        `),
        comments: [{ by: "thomas.petit", after: "1d2h", body: "C'était un rivet de la poignée arrière. Joint neuf et rivet étanche : cliente ravie." }],
      },
    ],
  },
  {
    key: "wetsuit",
    community: "whitewater",
    by: "hugo.martin",
    asked: { daysAgo: 22, at: "10:30" },
    title: "Wetsuit sizing: customer between two sizes, for rafting in spring",
    body: md(`
      A customer is going rafting in the Alps in April and is between M and L on the size chart: the chest fits M, the height fits L. The M is hard to put on, the L feels comfortable in the fitting room.

      Which one should I recommend? And which thickness for snowmelt water in April?
    `),
    tags: ["néoprène", "rafting", "sizing"],
    upvotes: ["thomas.petit", "emma.roux"],
    answers: [
      {
        by: "sophie.moreau",
        after: "1h50",
        acceptedAfter: "3h",
        upvotes: ["hugo.martin", "thomas.petit", "karim.benali"],
        body: md(`
          Go with the **M**, as long as they can move their arms freely and breathe normally.

          - A wetsuit keeps you warm by holding a thin layer of water against the skin. A suit that feels comfortable in a dry fitting room usually leaves gaps at the lower back, the armpits and behind the knees: in the river, cold water flushes through them all the time.
          - Neoprene gives a little once wet: tight but not restrictive when dry is right.
          - Check the fit where it matters: no air pocket at the lower back when they squat, a collar snug without choking, the crotch close to the body. Sleeves and legs slightly short are fine; a loose torso is not.
          - If the M restricts breathing or shoulder rotation, the L is the lesser evil, with a thermal top underneath.

          **Thickness**: snowmelt rivers in April are around 6–10 °C. That means a 5 mm (or 5/4) full suit and neoprene booties. Most rafting companies lend a spray jacket on top, and often the suit itself: tell the customer to check what the outfitter provides before buying gloves and a hood.
        `),
        comments: [{ by: "hugo.martin", after: "1d1h", body: "He took the M and came back for booties. Thanks Sophie!" }],
      },
    ],
  },
  {
    key: "buoyancy-aid",
    community: "whitewater",
    by: "karim.benali",
    asked: { daysAgo: 9, at: "12:15" },
    title: "Gilet 50 N ou 70 N pour un client qui débute en eau vive ?",
    body: md(`
      Un client veut s'équiper pour un stage de kayak en eau vive (classe II–III). Il hésite entre une aide à la flottabilité 50 N et un gilet 70 N plus épais. Laquelle conseiller ? Est-ce que le club impose quelque chose ?
    `),
    tags: ["sécurité", "gilet", "kayak"],
    upvotes: ["hugo.martin"],
    answers: [
      {
        by: "hugo.martin",
        after: "1h",
        upvotes: ["karim.benali"],
        body: md(`
          À Lille, on conseille le 50 N pour le kayak : c'est ce que demandent les clubs du coin. Mais @sophie.moreau connaît l'eau vive bien mieux que moi, je la laisse confirmer.
        `),
      },
      {
        by: "sophie.moreau",
        after: "3h",
        upvotes: ["karim.benali", "hugo.martin", "thomas.petit"],
        body: md(`
          Je confirme : en kayak d'eau vive, la référence est l'**aide à la flottabilité 50 N** (norme EN ISO 12402-5), celle des clubs et des moniteurs. Elle laisse les bras et le buste libres pour pagayer, esquimauter ou remonter dans le bateau ; un gilet plus volumineux gêne plus qu'il ne protège dans un kayak.

          À vérifier en cabine :
          - **L'ajustement** : sangles serrées, tire le gilet vers le haut par les épaules ; il ne doit pas remonter au-dessus des oreilles.
          - **Assis dans un kayak** (le bateau d'essai du rayon) : rien ne doit appuyer sur la jupe ni gêner la rotation du buste.
          - **Le poids** : la plage indiquée sur l'étiquette doit inclure celui du client.

          Les gilets plus épais se voient surtout en raft, où la base fournit l'équipement. Pour le stage, qu'il demande la liste du club : certains demandent un gilet à harnais de sauvetage, mais celui-là est réservé aux pagayeurs formés à s'en servir.
        `),
      },
    ],
  },
  {
    key: "spray-decks",
    community: "whitewater",
    by: "emma.roux",
    asked: { daysAgo: 1, at: "15:40" },
    title: "Returned spray decks without a size label: how do we identify the size?",
    body: md(`
      We received 14 spray decks back from the stores after the season, and about half have lost their size tag. Before they go back into stock: is there a reliable way to measure a deck and match it to a cockpit size? The brands' size charts all use different names.

      A list of what to measure would be perfect.
    `),
    tags: ["spray-deck", "returns", "stock"],
  },
  {
    key: "heel-pain",
    community: "running",
    by: "thomas.petit",
    asked: { daysAgo: 18, at: "11:00" },
    title: "Client avec une douleur au talon : quel drop conseiller ?",
    body: md(`
      Un client de 45 ans, coureur régulier (30 km par semaine), a mal sous le talon depuis un mois, surtout le matin au lever. Il court en chaussures à drop 4 mm depuis cet hiver et me demande quel modèle prendre.

      Qu'est-ce qu'on peut lui conseiller, et où s'arrête notre rôle ?
    `),
    tags: ["chaussures", "drop", "blessure"],
    upvotes: ["lea.dubois", "lucas.garnier", "emma.roux"],
    answers: [
      {
        by: "lucas.garnier",
        after: "1h15",
        acceptedAfter: "2h30",
        upvotes: ["thomas.petit", "lea.dubois", "emma.roux", "camille.laurent"],
        body: md(`
          D'abord notre limite : une douleur sous le talon, plus forte aux premiers pas du matin, fait penser à une **aponévrosite plantaire**, mais le diagnostic n'est pas notre métier. Conseille-lui de voir un médecin ou un podologue du sport, d'autant que ça dure depuis un mois.

          Ce qu'on peut faire au rayon :

          1. **Demander ce qui a changé** : le passage au drop 4 mm cet hiver est un suspect sérieux. Un drop bas sollicite davantage le mollet, le tendon d'Achille et la voûte plantaire, et une transition trop rapide est une cause classique de douleur.
          2. **Proposer un drop plus élevé** (8 à 10 mm) avec un bon amorti au talon, le temps que ça se calme.
          3. **Regarder ses chaussures actuelles** : au-delà de 600 à 800 km, l'amorti est fatigué.
          4. **Faire essayer** sur le tapis, plutôt en fin de journée, avec ses chaussettes de course.

          S'il veut revenir ensuite à un drop bas, ce sera progressivement, sur plusieurs semaines, en alternant les paires. Et pas de promesse : une chaussure accompagne la guérison, elle ne soigne pas.
        `),
        comments: [{ by: "thomas.petit", after: "3d4h", body: "Il est reparti avec un drop 10 mm et un rendez-vous chez le podologue. Merci Lucas !" }],
      },
    ],
  },
  {
    key: "trail-size",
    community: "running",
    by: "hugo.martin",
    asked: { daysAgo: 13, at: "18:20" },
    title: "Trail shoes: should customers go half a size up?",
    body: md(`
      A colleague tells customers to always take trail shoes half a size up from their road shoes. Is that a rule we should give? Some of our trail models already run large.
    `),
    tags: ["trail", "chaussures", "sizing"],
    upvotes: ["lucas.garnier", "thomas.petit"],
    answers: [
      {
        by: "lucas.garnier",
        after: "1h05",
        acceptedAfter: "4h",
        upvotes: ["hugo.martin", "thomas.petit", "emma.roux"],
        body: md(`
          Not a rule, a check. What matters is the room in front of the toes, whatever the number on the box:

          - **A thumb's width** (about 1 cm) between the longest toe and the end of the shoe, standing, in running socks.
          - **On the incline board**, facing downhill: with the laces properly tied, the toes must not touch the front. If they do, try the lacing first, then half a size up.
          - **Fit in the afternoon**: feet swell during the day and on long runs.
          - **Uphill**: the heel must not lift.

          In practice many customers do end up half a size up in trail, because they run longer and downhill. With a model that already runs large, it would be too much: the foot slides forward on descents. Always compare on the foot, never from the size chart alone.
        `),
      },
    ],
  },
  {
    key: "wrist-hr",
    community: "running",
    by: "lea.dubois",
    asked: { daysAgo: 3, at: "12:30" },
    title: "Cardio au poignet imprécis en fractionné : normal ?",
    body: md(`
      Une cliente revient avec sa montre GPS : en fractionné, le cardio au poignet affiche 120 bpm alors qu'elle est à fond, puis se recale au bout de deux minutes. En footing, les valeurs sont cohérentes.

      Défaut de la montre ou limite du capteur ? Qu'est-ce qu'on lui propose ?
    `),
    tags: ["montre", "cardio"],
    comments: [
      {
        by: "lucas.garnier",
        after: "1d5h",
        body: "Je regarde ça avec le support de la marque. Tu peux me donner le modèle exact et la version du logiciel de la montre ?",
      },
    ],
  },
  {
    key: "tent-pole",
    community: "camping",
    by: "lucas.garnier",
    asked: { daysAgo: 25, at: "17:15" },
    title: "Réparer un arceau de tente cassé en magasin",
    body: md(`
      Un client revient d'un week-end avec un arceau en aluminium cassé net sur sa tente 3 places, achetée chez nous il y a deux ans. Il repart en vacances samedi.

      On peut réparer en magasin, ou il faut tout renvoyer au SAV ?
    `),
    tags: ["tente", "arceau", "réparation"],
    upvotes: ["thomas.petit", "emma.roux"],
    answers: [
      {
        by: "sophie.moreau",
        after: "2h40",
        acceptedAfter: "3h",
        upvotes: ["lucas.garnier", "thomas.petit", "hugo.martin"],
        body: md(`
          On peut le dépanner tout de suite, et souvent réparer pour de bon.

          **Dépannage immédiat (cinq minutes)** : la **bague de réparation**, un tube d'aluminium court livré avec beaucoup de tentes (on en a aussi en pièces détachées). Glisse-la sur la cassure, centre-la, et maintiens-la avec du ruban adhésif toilé de chaque côté. Elle tiendra les vacances.

          **Réparation durable** : remplacer le brin cassé.
          1. Mesure le diamètre (8,5 et 9,5 mm sont les plus courants) et la longueur du brin, embout compris.
          2. Commande le brin au SAV de la marque, ou prends-en un dans le kit d'arceaux universels et recoupe-le à la bonne longueur (coupe-tube, puis ébavure).
          3. Défais le nœud du cordon élastique à une extrémité, sors les brins un à un jusqu'au brin cassé, remplace-le, renfile et refais le nœud avec la même tension.

          Regarde aussi les brins voisins et les embouts : une cassure nette vient souvent d'un brin mal emboîté au montage. C'est le conseil à redonner au client : bien enfoncer chaque brin avant de cintrer l'arceau. Et pour une tente de deux ans, vérifie la garantie, la casse peut être couverte.
        `),
        comments: [{ by: "lucas.garnier", after: "2h55", body: "Bague posée, le client part samedi ; le brin est commandé au SAV." }],
      },
    ],
  },
  {
    key: "sleeping-bag",
    community: "camping",
    by: "emma.roux",
    asked: { daysAgo: 16, at: "09:45" },
    title: "Sleeping bag ratings: comfort, limit, extreme – what do we tell customers?",
    body: md(`
      At the click & collect desk, customers keep asking which temperature on the label they should trust. One bag says comfort 5 °C, limit 0 °C, extreme −15 °C.

      Which one do we use when advising, and does it depend on who sleeps in it?
    `),
    tags: ["couchage", "advice"],
    upvotes: ["sophie.moreau", "lucas.garnier"],
    answers: [
      {
        by: "sophie.moreau",
        after: "1h30",
        acceptedAfter: "2h",
        upvotes: ["emma.roux", "lucas.garnier", "thomas.petit"],
        body: md(`
          The three figures come from the standard test (EN 13537, now ISO 23537):

          - **Comfort**: a standard woman sleeps comfortably, lying relaxed.
          - **Limit**: a standard man sleeps eight hours curled up without waking from the cold.
          - **Extreme**: survival only, with a real risk of hypothermia. **Never advise on this figure.**

          What we tell customers:
          - Use **comfort** for people who feel the cold, and for most women; **limit** only for people who sleep warm. When in doubt, comfort.
          - Keep a margin of about 5 °C for the mountains or a damp night.
          - The mat matters as much as the bag: check its R-value (R 3 or more for nights close to 0 °C, R 4 and above for winter).
          - A liner adds a few degrees, and a hat more than people think.

          For your example (comfort 5 °C, limit 0 °C): fine for summer camping in the lowlands, too light for a night in the mountains in June.
        `),
      },
    ],
  },
  {
    key: "lockers",
    community: "store-operations",
    by: "thomas.petit",
    asked: { daysAgo: 20, at: "09:05" },
    title: "Casiers click & collect : que faire des colis non retirés ?",
    body: md(`
      Nos casiers automatiques à Nantes sont pleins le vendredi : des colis y restent parfois plus d'une semaine. Quelle est la procédure ? Au bout de combien de jours on les sort, comment on relance le client, et quand est-ce qu'on annule la commande ?
    `),
    tags: ["click-and-collect", "casiers"],
    upvotes: ["hugo.martin", "lea.dubois", "camille.laurent"],
    answers: [
      {
        by: "emma.roux",
        after: "1h10",
        acceptedAfter: "2h",
        upvotes: ["thomas.petit", "camille.laurent", "hugo.martin", "lea.dubois"],
        body: md(`
          La procédure de l'enseigne, telle qu'on la suit au dépôt et dans les magasins pilotes :

          | Jour | Ce qui se passe |
          | --- | --- |
          | J0 | Colis déposé en casier ; SMS et e-mail au client avec son code |
          | J+3 | Relance automatique |
          | J+5 | Le colis sort du casier et passe en réserve, étiquette « à retirer à l'accueil » |
          | J+10 | Le magasin appelle le client |
          | J+14 | Commande annulée et remboursée, produit remis en stock |

          Côté magasin :
          1. Chaque matin, édite la liste « casiers de plus de 5 jours » dans l'outil click & collect et sors ces colis avant 10 h : ça libère la place pour les dépôts de la journée.
          2. Scanne chaque colis sorti en « retour accueil » : le client reçoit un nouveau message, et son code casier ne fonctionne plus.
          3. À J+14, l'annulation est automatique ; il reste à scanner le produit en « remise en stock ».

          Si vos casiers sont encore pleins le vendredi après ça, dis-le-moi : on peut décaler les livraisons du dépôt pour que les colis du week-end arrivent le vendredi midi plutôt que le jeudi.
        `),
      },
    ],
    comments: [{ by: "camille.laurent", after: "5h", body: "Procédure limpide. @emma.roux, tu pourrais en faire un tutoriel pour tous les magasins ?" }],
  },
  {
    key: "inventory",
    community: "store-operations",
    by: "lea.dubois",
    asked: { daysAgo: 11, at: "14:20" },
    title: "Inventaire tournant du rayon cycle : comment compter les petites pièces ?",
    body: md(`
      Premier inventaire tournant pour moi samedi matin, sur le rayon cycle. Je ne sais pas comment m'organiser pour les petites pièces (chambres à air, plaquettes, câbles) : il y en a partout, en rayon et en réserve. Vous avez une méthode ?
    `),
    tags: ["inventaire", "stock"],
    upvotes: ["thomas.petit"],
    answers: [
      {
        by: "emma.roux",
        after: "2h05",
        upvotes: ["lea.dubois", "thomas.petit", "hugo.martin"],
        body: md(`
          Oui, et c'est la méthode qui fait la précision, pas la vitesse.

          **La veille**
          - Vérifie qu'aucune réception ni aucun transfert n'attend d'être intégré sur le rayon : tout doit l'être avant le comptage.
          - Regroupe chaque référence en un seul endroit par zone (rayon d'un côté, réserve de l'autre), et sors du rayon ce qui n'a rien à y faire.

          **Le comptage**
          1. Compte **par emplacement**, jamais par référence : une étagère après l'autre, de gauche à droite et de haut en bas.
          2. Scanne chaque article, ou saisis la quantité après avoir compté **deux fois** les lots (boîtes de plaquettes, sachets).
          3. Personne ne vend ni ne réassortit un emplacement pendant que tu le comptes ; il rouvre dès qu'il est compté.
          4. N'oublie pas ce qui est hors zone : SAV en attente, produits réservés pour un client, vitrine.

          **Les écarts**
          - L'outil affiche les écarts à la validation : recompte toute référence qui a plus de 2 pièces ou plus de 50 € d'écart.
          - Un écart confirmé sur de petites pièces vient souvent d'une erreur de référence en caisse (deux tailles de chambre à air confondues) : regarde si une référence voisine a l'écart inverse avant de valider.
        `),
      },
      {
        by: "thomas.petit",
        after: "4h",
        upvotes: ["lea.dubois"],
        body: md(`
          Côté organisation : fais-le avant l'ouverture et préviens l'équipe la veille. À Nantes, on bloque 8 h – 9 h 30 et on met un vendeur de plus à l'ouverture, pour que personne ne soit tenté de vendre sur une zone en cours de comptage.
        `),
      },
    ],
  },
  {
    key: "security-tags",
    community: "store-operations",
    by: "sophie.moreau",
    asked: { daysAgo: 8, at: "11:30" },
    title: "Security tags on waterproof jackets: how do we avoid piercing the membrane?",
    body: md(`
      A customer returned a waterproof jacket because it leaked at the shoulder: there was a small hole where a pin tag had been. Which tags should we use on waterproof textiles, and where do we put them?
    `),
    tags: ["antivol", "textiles"],
    upvotes: ["emma.roux", "thomas.petit"],
    answers: [
      {
        by: "hugo.martin",
        after: "1h40",
        acceptedAfter: "2h",
        upvotes: ["sophie.moreau", "emma.roux", "thomas.petit", "camille.laurent"],
        body: md(`
          Never put a pin tag through a waterproof fabric: the hole goes through the membrane, and nothing in store can seal it again. What we do in Lille:

          - **Use existing openings**: pass a **cable (lanyard) tag** through the zip puller, the hanging loop or a drawcord toggle. No hole, and it is as hard to remove as a pin.
          - **A pin tag only through the brand's hangtag**, never through the garment.
          - **Adhesive labels** (the same AM or RF as the gates) on the hangtag of low-priced items.
          - Tell the checkout team: cable tags come off with the usual detacher, but pulled across the fabric they scratch it.

          For the customer: a hole from one of our tags is our fault, so it's an exchange, not a repair. Put the jacket aside for a supplier return with a note explaining the hole.
        `),
        comments: [{ by: "emma.roux", after: "3h", body: "We'll add cable tags to the standard supplies order for textile departments." }],
      },
    ],
  },
  {
    key: "used-tent-return",
    community: "store-operations",
    by: "thomas.petit",
    asked: { daysAgo: 6, at: "14:45" },
    title: "Retour d'une tente déjà montée : on reprend ou pas ?",
    body: md(`
      Un client veut rendre une tente montée une fois dans son jardin (« trop petite »), 20 jours après l'achat, emballage ouvert, propre. Notre politique de retour parle de « produit non utilisé ».

      On reprend ? Et si oui, qu'est-ce qu'on en fait ensuite ?
    `),
    tags: ["retours", "sav"],
    upvotes: ["lea.dubois", "hugo.martin"],
    answers: [
      {
        by: "camille.laurent",
        after: "2h",
        acceptedAfter: "4h",
        upvotes: ["thomas.petit", "emma.roux", "hugo.martin"],
        body: md(`
          Oui, on reprend : un montage d'essai pour vérifier la taille n'est pas une « utilisation » au sens de notre politique de retour (30 jours, produit propre, complet et non endommagé). Ce qu'on vérifie avec le client :

          - **Complet** : arceaux, sardines, haubans, sac. On compte ensemble.
          - **Propre et sec** : une tente rendue humide ou pleine de terre n'est pas reprise en l'état ; on propose au client de la faire sécher et de revenir.
          - **Sans dommage** : toile, moustiquaire, fermetures éclair.

          Ensuite : comme neuve, elle est **remise en vente** au prix normal, repliée dans son sac ; sinon, elle part en **seconde vie** (étiquette « occasion », remise selon l'état). Complète, elle ne part jamais au rebut.
        `),
      },
      {
        by: "emma.roux",
        after: "3h",
        upvotes: ["thomas.petit", "camille.laurent"],
        body: md(`
          Côté stock : passe-la d'abord en « retour client à contrôler », puis en stock vendable une fois vérifiée et repliée. Sinon elle apparaît disponible sur le site avant d'être prête, et c'est elle qui part au premier click & collect.
        `),
      },
    ],
  },
  {
    key: "gas-storage",
    community: "store-operations",
    by: "hugo.martin",
    asked: { daysAgo: 2, at: "10:10" },
    title: "How many gas cartridges can we keep in the stockroom?",
    body: md(`
      Lille is adding a camping corner, and we will stock screw-on butane/propane cartridges (230 g and 450 g). Is there a company rule on how many we may keep in the stockroom, and on how to store them?

      I'd rather ask before the first delivery.
    `),
    tags: ["stock", "safety", "réserve"],
  },
];

/** Demo times are days before today at a time of day, so that the lists look the same whenever the demo is seeded. */
function moment({ daysAgo, at }: DemoMoment): Date {
  const [hours, minutes] = at.split(":").map(Number);
  const day = new Date();
  day.setHours(hours, minutes, 0, 0);
  day.setDate(day.getDate() - daysAgo);
  return day;
}

function later(start: Date, offset: Offset): Date {
  const match = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m?)?$/.exec(offset);
  if (!match || !offset) throw new Error(`demo offset "${offset}" is not like "2h30", "45m" or "3d4h"`);
  const [days, hours, minutes] = match.slice(1).map((part) => Number(part ?? 0));
  return new Date(start.getTime() + ((days * 24 + hours) * 60 + minutes) * 60_000);
}

/** When each seeded row really happened, applied once everything is written. */
interface Timeline {
  communities: Map<string, Date>;
  members: { communityId: string; userId: string; joinedAt: Date; monitorSince?: Date }[];
  applications: { id: string; createdAt: Date; decidedAt: Date | null }[];
  posts: Map<string, { createdAt: Date; lastActivityAt: Date; closedAt: Date | null }>;
  replies: Map<string, Date>;
  acceptances: { answerId: string; at: Date }[];
}

/**
 * Seeds the demo's communities, memberships, monitors and questions through the real services (so that
 * notifications, follows, counts and rendered HTML are what real use produces), then dates them.
 * `people` are the demo's users by handle.
 */
export async function seedDemoCommunities(guilde: Guilde, people: Map<string, User>): Promise<void> {
  const person = (handle: Handle): User => {
    const found = people.get(handle);
    if (!found) throw new Error(`demo person ${handle} is missing`);
    return found;
  };
  const timeline: Timeline = { communities: new Map(), members: [], applications: [], posts: new Map(), replies: new Map(), acceptances: [] };
  const communityIds = new Map<Slug, string>();
  for (const community of demoCommunities) {
    communityIds.set(community.slug, await seedCommunity(guilde, community, person, timeline));
  }
  const questionIds = new Map<string, string>();
  const byAskedTime = [...demoQuestions].sort((a, b) => moment(a.asked).getTime() - moment(b.asked).getTime());
  for (const question of byAskedTime) {
    const communityId = communityIds.get(question.community)!;
    questionIds.set(question.key, await seedQuestion(guilde, question, { communityId, questionIds, person, timeline }));
  }
  await dateEverything(guilde, timeline);
  await seedDemoIdeas(guilde, { person: (handle) => person(handle as Handle), communityIds });
  await seedDemoTutorials(guilde, { person: (handle) => person(handle as Handle), communityIds });
  await seedDemoEvents(guilde, { person: (handle) => person(handle as Handle), communityIds });
  await seedDemoBarometers(guilde, { admin: person("camille.laurent"), person: (handle) => person(handle as Handle) });
}

async function seedCommunity(
  guilde: Guilde,
  community: DemoCommunity,
  person: (handle: Handle) => User,
  timeline: Timeline,
): Promise<string> {
  const admin = person("camille.laurent");
  const { slug, name, visibility, color, themes, description } = community;
  const { communityId } = await createCommunity(guilde, { viewer: admin, input: { slug, name, visibility, color, themes, description } });
  const createdAt = moment({ daysAgo: community.createdDaysAgo, at: "09:00" });
  timeline.communities.set(communityId, createdAt);
  timeline.members.push({ communityId, userId: admin.id, joinedAt: createdAt });
  for (const handle of community.moderators) {
    await setModerator(guilde, { viewer: admin, communityId, userId: person(handle).id, moderator: true });
    timeline.members.push({ communityId, userId: person(handle).id, joinedAt: later(createdAt, "1h") });
  }
  const decider = person(community.moderators[0] ?? "camille.laurent");

  const join = async (handle: Handle, approve: boolean) => {
    const { status } = await joinCommunity(guilde, { viewer: person(handle), communityId });
    if (status === "pending" && approve) {
      await decideJoinRequest(guilde, { viewer: decider, communityId, userId: person(handle).id, input: { decision: "approve" } });
    }
  };
  const apply = async ({ handle, topics, motivation }: DemoMonitor) =>
    (await applyToBeMonitor(guilde, { viewer: person(handle), communityId, input: { motivation, topics } })).applicationId;

  // One member joins each day of the community's first week; monitors are approved at the end of it.
  const joiners = [...community.monitors.map((monitor) => monitor.handle), ...community.members];
  for (const [index, handle] of joiners.entries()) {
    await join(handle, true);
    timeline.members.push({ communityId, userId: person(handle).id, joinedAt: later(createdAt, `${index}d${3 + index}h`) });
  }
  for (const [index, monitor] of community.monitors.entries()) {
    const applicationId = await apply(monitor);
    await decideMonitorApplication(guilde, { viewer: decider, applicationId, input: { decision: "approve", note: "Bienvenue parmi les moniteurs !" } });
    const decidedAt = later(createdAt, `${6 + index}d2h`);
    timeline.applications.push({ id: applicationId, createdAt: later(createdAt, `${5 + index}d`), decidedAt });
    const member = timeline.members.find((row) => row.communityId === communityId && row.userId === person(monitor.handle).id)!;
    member.monitorSince = decidedAt;
  }

  const waitingSince = moment({ daysAgo: 2, at: "08:50" });
  for (const handle of community.waiting?.members ?? []) {
    await join(handle, false);
    timeline.members.push({ communityId, userId: person(handle).id, joinedAt: waitingSince });
  }
  for (const monitor of community.waiting?.monitors ?? []) {
    timeline.applications.push({ id: await apply(monitor), createdAt: waitingSince, decidedAt: null });
  }
  return communityId;
}

async function seedQuestion(
  guilde: Guilde,
  question: DemoQuestion,
  {
    communityId,
    questionIds,
    person,
    timeline,
  }: { communityId: string; questionIds: Map<string, string>; person: (handle: Handle) => User; timeline: Timeline },
): Promise<string> {
  const asker = person(question.by);
  const askedAt = moment(question.asked);
  const { title, body, tags } = question;
  const { questionId } = await askQuestion(guilde, { viewer: asker, communityId, input: { title, body, tags } });
  const activity = [askedAt];
  const upvote = async (targetId: string, voters: Handle[] = []) => {
    for (const voter of voters) await vote(guilde, { viewer: person(voter), targetId, input: { value: 1 } });
  };
  const addComments = async (comments: DemoComment[] = [], answerId?: string) => {
    for (const { by, after, body: commentBody } of comments) {
      const { commentId } = await comment(guilde, { viewer: person(by), questionId, answerId, input: { body: commentBody } });
      timeline.replies.set(commentId, later(askedAt, after));
      activity.push(later(askedAt, after));
    }
  };

  // Answers go first, in their order, so that each one notifies the followers it would have had; closing goes last.
  for (const answer of question.answers ?? []) {
    const { answerId } = await answerQuestion(guilde, { viewer: person(answer.by), questionId, input: { body: answer.body } });
    timeline.replies.set(answerId, later(askedAt, answer.after));
    activity.push(later(askedAt, answer.after));
    await addComments(answer.comments, answerId);
    await upvote(answerId, answer.upvotes);
    if (answer.acceptedAfter) {
      await acceptAnswer(guilde, { viewer: asker, questionId, answerId });
      timeline.acceptances.push({ answerId, at: later(askedAt, answer.acceptedAfter) });
      activity.push(later(askedAt, answer.acceptedAfter));
    }
  }
  await addComments(question.comments);
  await upvote(questionId, question.upvotes);
  let closedAt: Date | null = null;
  if (question.closedAsDuplicate) {
    const { of, by, after, note } = question.closedAsDuplicate;
    await closeQuestion(guilde, { viewer: person(by), questionId, input: { reason: "duplicate", duplicateOfId: questionIds.get(of), note } });
    closedAt = later(askedAt, after);
  }
  const lastActivityAt = new Date(Math.max(...activity.map((date) => date.getTime())));
  timeline.posts.set(questionId, { createdAt: askedAt, lastActivityAt, closedAt });
  return questionId;
}

/**
 * Moves the seeded rows to when they happened in the demo's story. The services stamp `now`; rows
 * that follow from another (notifications, audit entries, votes, follows) take their cause's time.
 * The database was empty before the demo, so every row touched here is the demo's.
 */
async function dateEverything(guilde: Guilde, timeline: Timeline): Promise<void> {
  const startOfToday = moment({ daysAgo: 0, at: "00:00" });
  const reachesToday = [...timeline.posts.values()].some(({ lastActivityAt, closedAt }) => lastActivityAt >= startOfToday || (closedAt ?? 0) >= startOfToday);
  if (reachesToday) throw new Error("a demo question's story reaches today: move it back a day");

  const { db } = guilde;
  for (const [id, createdAt] of timeline.communities) await db.update(communities).set({ createdAt }).where(eq(communities.id, id));
  for (const { communityId, userId, joinedAt, monitorSince } of timeline.members) {
    await db
      .update(communityMembers)
      .set({ joinedAt, ...(monitorSince && { monitorSince }) })
      .where(and(eq(communityMembers.communityId, communityId), eq(communityMembers.userId, userId)));
  }
  for (const { id, createdAt, decidedAt } of timeline.applications) {
    await db.update(monitorApplications).set({ createdAt, decidedAt }).where(eq(monitorApplications.id, id));
  }
  for (const [id, times] of timeline.posts) await db.update(posts).set(times).where(eq(posts.id, id));
  for (const [id, createdAt] of timeline.replies) await db.update(replies).set({ createdAt }).where(eq(replies.id, id));
  for (const { answerId, at } of timeline.acceptances) {
    await db.update(notifications).set({ createdAt: at }).where(and(eq(notifications.kind, "answer_accepted"), eq(notifications.replyId, answerId)));
  }

  await db.execute(sql`
    update notifications n set created_at = r.created_at
    from replies r where r.id = n.reply_id and n.kind <> 'answer_accepted'`);
  await db.execute(sql`
    update notifications n set created_at = case when n.kind = 'question_closed' then p.closed_at else p.created_at end
    from posts p where p.id = n.post_id and n.reply_id is null`);
  await db.execute(sql`
    update notifications n set created_at = case when n.kind = 'monitor_application' then a.created_at else a.decided_at end
    from monitor_applications a
    where n.kind in ('monitor_application', 'monitor_application_decided') and a.community_id = n.community_id
      and a.user_id = case when n.kind = 'monitor_application' then n.actor_id else n.user_id end`);
  // A request approved at once was sent an hour before its approval, which is the member's joining time.
  await db.execute(sql`
    update notifications n set created_at = m.joined_at - case when n.kind = 'join_request' and m.status = 'active' then interval '1 hour' else interval '0' end
    from community_members m
    where n.kind in ('join_request', 'join_request_decided') and m.community_id = n.community_id
      and m.user_id = case when n.kind = 'join_request' then n.actor_id else n.user_id end`);
  // The audit log is append-only (a trigger refuses UPDATE): its entries keep the time the demo was seeded.
  await db.execute(sql`
    update votes v set created_at = least(t.created_at + interval '2 hours', now())
    from (select id, created_at from posts union all select id, created_at from replies) t where t.id = v.target_id`);
  await db.execute(sql`
    update follows f set created_at = coalesce(
      (select min(r.created_at) from replies r where r.post_id = f.post_id and r.author_id = f.user_id and r.kind = 'answer'), p.created_at)
    from posts p where p.id = f.post_id`);
  // People have read what reached them more than three days ago; the rest waits under the bell.
  await db.execute(sql`
    update notifications set read_at = created_at + interval '1 hour' where created_at < now() - interval '3 days'`);
}
