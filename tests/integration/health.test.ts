import { describe, expect, it } from "vitest";
import { useGuilde } from "../support/guilde";

const guilde = useGuilde();

describe("health when the database is gone", () => {
  it("answers 503 with a reason instead of failing", async () => {
    const server = await guilde.serve();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    await guilde.database.cutOff();

    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "unavailable", reason: "database unreachable" });
  });
});
