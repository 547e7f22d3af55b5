/**
 * Which rooms a socket may be in. A client asks for `community:<id>`, `question:<id>` and `idea:<id>` rooms; the
 * policy decides each (the same `community.read` and `post.view` as the pages), and decides again when
 * a membership or a community changes. `user:<id>` and `readers:<id>` are joined by the server only.
 */
import { z } from "zod";
import type { RoomKind } from "../../app/realtime/protocol";
import { loadCommunity } from "../communities/access";
import type { Guilde } from "../context";
import { DomainError, NotFound } from "../errors";
import { can, type SignedInViewer } from "../policy";
import { loadIdea } from "../ideas/access";
import { loadPost } from "../questions/access";
import { parseInput } from "../validation";

export const userRoom = (userId: string) => `user:${userId}`;

/**
 * Every socket reading something of a community (its page or one of its questions) is also in this
 * room, so that a change to the community finds them all, on every node, without listing its questions.
 */
export const readersRoom = (communityId: string) => `readers:${communityId}`;

export interface ResourceRoom {
  name: string;
  kind: RoomKind;
  id: string;
}

const resourceRoomPattern = /^(community|question|idea):([a-z0-9]{1,64})$/;

export function parseRoom(name: string): ResourceRoom | null {
  const match = resourceRoomPattern.exec(name);
  return match ? { name, kind: match[1] as RoomKind, id: match[2] } : null;
}

/** A subscription names up to 50 rooms: the home feed follows each of the viewer's communities. */
const roomsSchema = z
  .array(z.string().regex(resourceRoomPattern, "errors.invalidValue"))
  .min(1)
  .max(50)
  .transform((names) => [...new Set(names)].map((name) => parseRoom(name)!));

export function parseRooms(input: unknown): ResourceRoom[] {
  return parseInput(z.object({ rooms: roomsSchema }), { rooms: input }).rooms;
}

/**
 * Throws `NotFound` unless the viewer may read what the room is about, as loaded now with their own
 * membership; a refusal never says whether the community or question exists. Answers the community.
 */
export async function ensureMayJoin(guilde: Guilde, viewer: SignedInViewer, room: ResourceRoom): Promise<{ communityId: string }> {
  if (room.kind === "community") {
    const loaded = await loadCommunity(guilde.db, viewer, { id: room.id });
    if (!loaded || !can(viewer, { action: "community.read", community: loaded.access })) throw new NotFound();
    return { communityId: loaded.community.id };
  }
  if (room.kind === "idea") {
    const loaded = await loadIdea(guilde.db, viewer, room.id);
    if (!loaded || !can(viewer, { action: "post.view", post: loaded.access })) throw new NotFound();
    return { communityId: loaded.community.id };
  }
  const loaded = await loadPost(guilde.db, viewer, room.id);
  if (!loaded || loaded.post.kind !== "question" || !can(viewer, { action: "post.view", post: loaded.access })) throw new NotFound();
  return { communityId: loaded.community.id };
}

/** Re-check the sockets in `room` (a person's, a community's readers, a question's), optionally for `only` that room. */
export interface RecheckRequest {
  room: string;
  only?: string;
}

/** What a re-check needs of a socket, wherever it is connected (a local socket or a remote one). */
export interface JoinedSocket {
  rooms: Set<string>;
  data: { viewer: SignedInViewer };
  join(room: string): void;
  leave(room: string): void;
}

/**
 * Asks the policy again for each community and question room these sockets are in (`only` that one when
 * given), and makes them leave the ones their person may no longer read. One decision per person and
 * room, however many tabs they have open. A socket that stays joins the readers of the room's community
 * as it is now (a question may have moved). Answers the rooms some socket left.
 */
export async function recheckRooms(guilde: Guilde, sockets: JoinedSocket[], only?: string): Promise<Set<string>> {
  const decisions = new Map<string, Promise<{ communityId: string } | null>>();
  const mayStay = (viewer: SignedInViewer, joined: ResourceRoom) => {
    const key = `${viewer.id} ${joined.name}`;
    let decision = decisions.get(key);
    if (!decision) {
      decision = ensureMayJoin(guilde, viewer, joined).catch((error: unknown) => {
        if (error instanceof DomainError) return null;
        throw error;
      });
      decisions.set(key, decision);
    }
    return decision;
  };
  const left = new Set<string>();
  await Promise.all(
    sockets.flatMap((socket) =>
      [...socket.rooms]
        .filter((name) => only === undefined || name === only)
        .map(parseRoom)
        .filter((joined) => joined !== null)
        .map(async (joined) => {
          const allowed = await mayStay(socket.data.viewer, joined);
          if (allowed) return socket.join(readersRoom(allowed.communityId));
          socket.leave(joined.name);
          left.add(joined.name);
        }),
    ),
  );
  return left;
}
