export * from "./people";
export * from "./communities";
export * from "./posts";
export * from "./activity";
export * from "./search";
export * from "./moderation";
