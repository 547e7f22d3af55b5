import type { Guilde } from "../context";

export interface PeriodicWorker {
  /** Runs a turn now (the worker's own turns call it too); answers what the turn did. */
  tick(): Promise<number>;
  /** Lets the turn in hand finish and stops. */
  stop(): Promise<void>;
}

/**
 * Runs `turn` at start (for what fell due while no server ran) and then every `everyMs`, one turn at a
 * time, on the given clock. A failing turn is logged once per outage; the next turn tries again.
 */
export function startPeriodicWorker(
  guilde: Guilde,
  { name, everyMs, clock = () => new Date(), turn }: { name: string; everyMs: number; clock?: () => Date; turn: (now: Date) => Promise<number> },
): PeriodicWorker {
  let running: Promise<number> = Promise.resolve(0);
  let failing = false;
  const tick = () => {
    running = running.then(() =>
      turn(clock())
        .then((count) => {
          failing = false;
          return count;
        })
        .catch((error: unknown) => {
          if (!failing) guilde.log.error(`${name} failed; retrying at the next turn.`, error);
          failing = true;
          return 0;
        }),
    );
    return running;
  };
  void tick();
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
