import { describe, expect, it } from "vitest";
import { tokenBucket } from "../../server/realtime/rate-limit";

describe("the token bucket limiting what a socket sends", () => {
  it("lets a burst through up to its capacity, then one event per token earned", () => {
    let now = 0;
    const bucket = tokenBucket({ capacity: 3, refillPerSecond: 2 }, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now = 400;
    expect(bucket.take()).toBe(false);
    now = 500;
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
  });

  it("never holds more than its capacity, however long the socket was quiet", () => {
    let now = 0;
    const bucket = tokenBucket({ capacity: 2, refillPerSecond: 10 }, () => now);
    now = 60_000;
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, false]);
  });

  it("says how long until the next token, for a Retry-After", () => {
    let now = 0;
    const bucket = tokenBucket({ capacity: 1, refillPerSecond: 0.5 }, () => now);
    expect(bucket.secondsUntilNext()).toBe(0);
    bucket.take();
    expect(bucket.secondsUntilNext()).toBe(2);
    now = 1500;
    expect(bucket.secondsUntilNext()).toBeCloseTo(0.5);
  });
});
