import { createMemoryHistory, createRouter, matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
import { describe, expect, it } from "vitest";

// Guilde's server keeps ranked route branches and compiled paths between requests
// (scripts/patches/@remix-run+router+*.patch): these are what the patch must not change.
const routes: AgnosticRouteObject[] = [
  {
    id: "root",
    path: "/",
    children: [
      { id: "home", index: true },
      { id: "question", path: "questions/:questionId" },
      { id: "question-edit", path: "questions/:questionId/edit" },
      { id: "community", path: "c/:slug", children: [{ id: "community-about", path: "about" }] },
      { id: "not-found", path: "*" },
    ],
  },
];

const matchedIds = (path: string, from = routes) => matchRoutes(from, path)?.map((match) => match.route.id);

describe("route matching, with branches and paths kept between calls", () => {
  it("matches each path to its own route and parameters, however often it is asked", () => {
    for (let round = 0; round < 3; round++) {
      expect(matchedIds("/questions/q1")).toEqual(["root", "question"]);
      expect(matchRoutes(routes, "/questions/q1")?.at(-1)?.params).toEqual({ questionId: "q1" });
      expect(matchRoutes(routes, "/questions/q2/edit")?.at(-1)?.params).toEqual({ questionId: "q2" });
      expect(matchedIds("/c/cycling/about")).toEqual(["root", "community", "community-about"]);
      expect(matchRoutes(routes, "/c/running")?.at(-1)?.params).toEqual({ slug: "running" });
      expect(matchedIds("/")).toEqual(["root", "home"]);
      expect(matchRoutes(routes, "/nowhere/at/all")?.at(-1)?.params).toEqual({ "*": "nowhere/at/all" });
    }
  });

  it("finds a route patched in while navigating, after the routes were first matched", async () => {
    const router = createRouter({
      routes: [{ id: "root", path: "/", children: [{ id: "home", index: true }] }],
      history: createMemoryHistory(),
      patchRoutesOnNavigation: ({ path, patch }) => {
        if (path.startsWith("/tutorials/")) patch("root", [{ id: "tutorial", path: "tutorials/:tutorialId" }]);
      },
    }).initialize();
    expect(router.state.matches.map((match) => match.route.id)).toEqual(["root", "home"]);
    await router.navigate("/tutorials/t1");
    expect(router.state.matches.map((match) => match.route.id)).toEqual(["root", "tutorial"]);
    router.dispose();
  });
});
