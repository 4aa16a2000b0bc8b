export * from "./dates";
export * from "./schema";
export * from "./load";
export * from "./derive";
export * from "./names";
