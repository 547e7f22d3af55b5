import { describe, expect, it } from "vitest";
import { unlessOnlyADisclosureOpened } from "../../app/components/on-demand-disclosure";

const navigation = (from: string, to: string, formMethod?: "POST") => ({
  currentUrl: new URL(from, "http://guilde.test"),
  nextUrl: new URL(to, "http://guilde.test"),
  currentParams: {},
  nextParams: {},
  formMethod,
  defaultShouldRevalidate: true,
});

describe("revalidation around on-demand disclosures", () => {
  it("loads nothing again when only the open disclosure changes", () => {
    expect(unlessOnlyADisclosureOpened(navigation("/questions/q1", "/questions/q1?open=flag-a1#flag-a1"))).toBe(false);
    expect(unlessOnlyADisclosureOpened(navigation("/questions/q1?open=flag-a1", "/questions/q1?open=thank-a2"))).toBe(false);
    expect(unlessOnlyADisclosureOpened(navigation("/users/u1?tab=kudos", "/users/u1?open=thank-u1&tab=kudos"))).toBe(false);
  });

  it("revalidates as usual for anything else: another page, another parameter, a form sent, a live update", () => {
    expect(unlessOnlyADisclosureOpened(navigation("/questions/q1", "/questions/q2?open=flag-a1"))).toBe(true);
    expect(unlessOnlyADisclosureOpened(navigation("/users/u1?tab=kudos", "/users/u1?tab=answers&open=thank-u1"))).toBe(true);
    expect(unlessOnlyADisclosureOpened(navigation("/questions/q1?open=flag-a1", "/questions/q1?open=flag-a1", "POST"))).toBe(true);
    // useRevalidator (a new answer arrived): same address, fresh data.
    expect(unlessOnlyADisclosureOpened(navigation("/questions/q1?open=flag-a1", "/questions/q1?open=flag-a1"))).toBe(true);
    expect(unlessOnlyADisclosureOpened(navigation("/questions/q1", "/questions/q1"))).toBe(true);
  });
});
