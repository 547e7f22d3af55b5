import type { Guilde } from "../context";

export interface PeriodicWorker<Result = number> {
  /** Runs a turn now (the worker's own turns call it too); answers what the turn did. */
  tick(): Promise<Result>;
  /** Lets the turn in hand finish and stops. */
  stop(): Promise<void>;
}

/**
 * Runs `turn` at start (for what fell due while no server ran) and then every `everyMs`, one turn at a
 * time, on the given clock. A failing turn is logged once per outage, answers `idle`, and the next
 * turn tries again.
 */
export function startPeriodicWorker<Result = number>(
  guilde: Guilde,
  {
    name,
    everyMs,
    clock = () => new Date(),
    turn,
    idle,
  }: { name: string; everyMs: number; clock?: () => Date; turn: (now: Date) => Promise<Result>; idle: Result },
): PeriodicWorker<Result> {
  let running: Promise<Result> = Promise.resolve(idle);
  let failing = false;
  const tick = () => {
    running = running.then(() =>
      turn(clock())
        .then((result) => {
          failing = false;
          return result;
        })
        .catch((error: unknown) => {
          if (!failing) guilde.log.error(`${name} failed; retrying at the next turn.`, error);
          failing = true;
          return idle;
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
