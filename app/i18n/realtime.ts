/** The realtime strings, merged into en.ts and fr.ts. */
export const en = {
  "realtime.viewing.one": "{count} colleague is viewing this question",
  "realtime.viewing.other": "{count} colleagues are viewing this question",
  "realtime.newQuestions.one": "{count} new question",
  "realtime.newQuestions.other": "{count} new questions",
  "realtime.show": "Show",
  "realtime.editedJustNow": "Edited just now",
  "realtime.newAnswer": "A new answer was posted.",
  "realtime.newComment": "A new comment was posted.",
};

export const fr: Record<keyof typeof en, string> = {
  "realtime.viewing.one": "{count} collègue consulte cette question",
  "realtime.viewing.other": "{count} collègues consultent cette question",
  "realtime.newQuestions.one": "{count} nouvelle question",
  "realtime.newQuestions.other": "{count} nouvelles questions",
  "realtime.show": "Afficher",
  "realtime.editedJustNow": "Modifié à l'instant",
  "realtime.newAnswer": "Une nouvelle réponse a été publiée.",
  "realtime.newComment": "Un nouveau commentaire a été publié.",
};
