/**
 * A token bucket per socket for the events a client sends: a burst is fine (a page subscribing on
 * load), a steady stream is not. Each event takes a token; tokens come back at a fixed rate.
 */
export interface TokenBucket {
  /** Takes a token; false when none is left, and the event must be dropped. */
  take(): boolean;
  /** Seconds until the next token comes back (0 when one is there). */
  secondsUntilNext(): number;
}

export function tokenBucket(
  { capacity, refillPerSecond }: { capacity: number; refillPerSecond: number },
  now: () => number = () => performance.now(),
): TokenBucket {
  let tokens = capacity;
  let refilledAt = now();
  const refill = () => {
    const time = now();
    tokens = Math.min(capacity, tokens + ((time - refilledAt) / 1000) * refillPerSecond);
    refilledAt = time;
  };
  return {
    take() {
      refill();
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
    secondsUntilNext() {
      refill();
      return tokens >= 1 ? 0 : (1 - tokens) / refillPerSecond;
    },
  };
}
