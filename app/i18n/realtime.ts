/** The realtime strings, merged into en.ts and fr.ts. */
export const en = {
};

export const fr: Record<keyof typeof en, string> = {
};
