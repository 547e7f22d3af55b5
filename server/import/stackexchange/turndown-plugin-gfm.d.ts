/** The little of turndown-plugin-gfm's API the import uses (the package ships no types). */
declare module "turndown-plugin-gfm" {
  import type TurndownService from "turndown";

  export const gfm: TurndownService.Plugin;
}
