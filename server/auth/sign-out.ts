import type { Guilde } from "../context";
import { ensureCan, type Viewer } from "../policy";
import type { SessionCookie } from "./sessions";

/** Ends this session; returns the cookie that clears it in the browser. */
export async function signOut(guilde: Guilde, { sessionId }: { sessionId: string | null }): Promise<SessionCookie> {
  return sessionId ? guilde.sessions.end(sessionId) : guilde.sessions.blankCookie();
}

/** Ends every session of the viewer (a lost phone, a shared computer), then opens a fresh one here. */
export async function signOutEverywhere(guilde: Guilde, { viewer }: { viewer: Viewer }): Promise<SessionCookie> {
  ensureCan(viewer, { action: "app.use" });
  await guilde.sessions.endAll(viewer.id);
  return guilde.sessions.start(viewer.id);
}
