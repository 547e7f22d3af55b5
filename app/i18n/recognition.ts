/** The peer recognition strings (kudos), merged into en.ts and fr.ts. */
export const en = {
  "notification.kudos_received": "{actor} thanked you for {title}",
  "notification.kudos_received.person": "{actor} thanked you",
  "errors.kudosSelf": "You cannot thank yourself.",
  "errors.kudosAlreadyGiven": "You have already thanked them for this.",
  "errors.kudosNoteTooLong": "A thank-you note is at most 280 characters.",
};

export const fr: Record<keyof typeof en, string> = {
  "notification.kudos_received": "{actor} vous a remercié pour {title}",
  "notification.kudos_received.person": "{actor} vous a remercié",
  "errors.kudosSelf": "Vous ne pouvez pas vous remercier vous-même.",
  "errors.kudosAlreadyGiven": "Vous l’avez déjà remercié pour cela.",
  "errors.kudosNoteTooLong": "Un mot de remerciement fait au plus 280 caractères.",
};
