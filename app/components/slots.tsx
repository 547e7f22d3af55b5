import { Fragment, type ReactNode } from "react";

/**
 * Puts elements (a link, a name) into a translated sentence at its `{name}` placeholders, so that
 * word order stays the translator's: t("…", { date }) leaves `{community}` for this to fill.
 */
export function fillSlots(text: string, slots: Record<string, ReactNode>): ReactNode {
  return text.split(/(\{\w+\})/).map((part, index) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    return <Fragment key={index}>{name && name in slots ? slots[name] : part}</Fragment>;
  });
}
