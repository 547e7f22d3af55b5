import { tokenBucket, type TokenBucket } from "../realtime/rate-limit";

/**
 * A token bucket per API token, in this process's memory: a burst up to the minute's allowance, then
 * a steady refill. With several processes each keeps its own count (see decision record 015).
 */
export function apiRateLimiter(perMinute: number) {
  const buckets = new Map<string, TokenBucket>();
  return {
    /** Null when the request may go ahead; otherwise the seconds to wait. */
    take(tokenId: string): number | null {
      let bucket = buckets.get(tokenId);
      if (!bucket) {
        // Idle buckets are full again, so dropping them all loses nothing but a little accuracy.
        if (buckets.size >= 100_000) buckets.clear();
        buckets.set(tokenId, (bucket = tokenBucket({ capacity: perMinute, refillPerSecond: perMinute / 60 })));
      }
      if (bucket.take()) return null;
      return Math.max(1, Math.ceil(bucket.secondsUntilNext()));
    },
  };
}
