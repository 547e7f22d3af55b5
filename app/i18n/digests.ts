/** Digest settings and unsubscribe page strings, merged into en.ts and fr.ts. */
export const en = {
  "field.digestFrequency": "E-mail digest",
  "field.digestFrequencyHint": "A summary of what you follow: questions you could answer, solved questions, tutorials, ideas and your own questions.",
  "digest.frequency.weekly": "Weekly",
  "digest.frequency.daily": "Daily",
  "digest.frequency.off": "Never",
  "unsubscribe.title": "Stop e-mail digests",
  "unsubscribe.confirm": "You will no longer receive Guilde's e-mail digests. You can turn them back on in your settings.",
  "unsubscribe.button": "Stop the digests",
  "unsubscribe.done": "Done: you will no longer receive e-mail digests.",
  "unsubscribe.invalidLink": "This unsubscribe link is not valid. Open the link from the e-mail exactly as it is, or change the setting in your settings.",
};

export const fr: Record<keyof typeof en, string> = {
  "field.digestFrequency": "Résumé par e-mail",
  "field.digestFrequencyHint": "Un résumé de ce que vous suivez : questions auxquelles vous pourriez répondre, questions résolues, tutoriels, idées et vos propres questions.",
  "digest.frequency.weekly": "Chaque semaine",
  "digest.frequency.daily": "Chaque jour",
  "digest.frequency.off": "Jamais",
  "unsubscribe.title": "Arrêter les résumés par e-mail",
  "unsubscribe.confirm": "Vous ne recevrez plus les résumés de Guilde par e-mail. Vous pourrez les réactiver dans vos paramètres.",
  "unsubscribe.button": "Arrêter les résumés",
  "unsubscribe.done": "C'est fait : vous ne recevrez plus de résumés par e-mail.",
  "unsubscribe.invalidLink": "Ce lien de désinscription n'est pas valide. Ouvrez le lien de l'e-mail tel quel, ou changez ce réglage dans vos paramètres.",
};
