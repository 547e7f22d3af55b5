import type { Guilde } from "../server/context";
import { announceEvent } from "../server/community-events/announce-event";
import { respondToEvent } from "../server/community-events/rsvp";
import { wallTimeIn } from "../server/community-events/time-zones";
import type { User } from "./schema";

/** The day `days` from now on Paris's clock, at a given time: a demo always has its events ahead. */
function parisDay(days: number, time: string): string {
  return `${wallTimeIn("Europe/Paris", new Date(Date.now() + days * 24 * 3600 * 1000)).slice(0, 10)}T${time}`;
}

/**
 * Two upcoming events through the real services: a workshop evening at Lille Centre (in person, in
 * Cycling repair, by its moderator) and an online safety talk (in Whitewater, by its monitor), with a
 * few people going.
 */
export async function seedDemoEvents(guilde: Guilde, { person, communityIds }: { person: (handle: string) => User; communityIds: Map<string, string> }): Promise<void> {
  const community = (slug: string) => {
    const id = communityIds.get(slug);
    if (!id) throw new Error(`demo community ${slug} is missing`);
    return id;
  };
  const hugo = person("hugo.martin");
  const { eventId: workshop } = await announceEvent(guilde, {
    viewer: hugo,
    communityId: community("cycling-repair"),
    input: {
      title: "Atelier du soir : purger des freins hydrauliques",
      description: "Apportez un vélo à freins **hydrauliques** : Karim montre la purge pas à pas (Shimano et SRAM), puis chacun purge le sien. Kits de purge fournis.",
      format: "in_person",
      siteId: hugo.siteId ?? "",
      room: "Atelier, 1er étage",
      address: "Rue Neuve, Lille",
      startsAt: parisDay(6, "18:30"),
      endsAt: parisDay(6, "20:30"),
      timeZone: "Europe/Paris",
      capacity: "12",
    },
  });
  for (const handle of ["karim.benali", "lea.dubois", "thomas.petit"]) await respondToEvent(guilde, { viewer: person(handle), eventId: workshop, input: { response: "going" } });

  const { eventId: talk } = await announceEvent(guilde, {
    viewer: person("sophie.moreau"),
    communityId: community("whitewater"),
    input: {
      title: "Safety on the river: what to sell with a first kayak",
      description: "A 45-minute online talk on buoyancy aids, helmets and throw bags: what a beginner needs before a first river trip, and how to explain it at the counter.",
      format: "online",
      onlineUrl: "https://meet.guilde.demo/whitewater-safety",
      startsAt: parisDay(12, "12:30"),
      endsAt: parisDay(12, "13:15"),
      timeZone: "Europe/Paris",
      capacity: "100",
    },
  });
  await respondToEvent(guilde, { viewer: person("emma.roux"), eventId: talk, input: { response: "going" } });
}
