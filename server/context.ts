import type { Database, DatabaseHandle } from "../db/client";
import type { Config } from "./config";
import type { SessionUser, Sessions } from "./auth/sessions";
import type { EventBus } from "./events";
import type { Logger } from "./logger";
import type { GuildeServer } from "./realtime/socket";
import type { SearchIndex } from "./search/search-index";
import type { FileStorage } from "./storage";

/** What every service receives first: the running Guilde's dependencies, never a global. */
export interface Guilde {
  config: Config;
  database: DatabaseHandle;
  db: Database;
  sessions: Sessions;
  events: EventBus;
  log: Logger;
  /** The search engine the configuration chose (server/search). */
  search: SearchIndex;
  /** Where uploaded files live (server/storage): local disk or an S3-compatible bucket. */
  storage: FileStorage;
}

/** Remix's load context: Guilde plus this request's facts. */
export interface RequestContext {
  guilde: Guilde;
  io: GuildeServer;
  /** Nonce for the inline scripts Remix renders; matches the Content-Security-Policy header. */
  cspNonce: string;
  clientIp: string;
  /** The signed-in user, or null; also the policy's viewer. */
  user: SessionUser | null;
  sessionId: string | null;
  /** `performance.now()` when the request arrived: pages report their server time in a Server-Timing header. */
  requestStartedAt?: number;
}

declare module "@remix-run/node" {
  // Declaration merging needs an interface; it adds RequestContext's members to Remix's type.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends RequestContext {}
}
