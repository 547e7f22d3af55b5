/** Single sign-on's strings, merged into en.ts and fr.ts. */
export const en = {
  "signIn.withCompany": "Sign in with your company account",
  "signIn.orPassword": "Or sign in with your e-mail and password",
  "signIn.passwordForCustomers": "Invited customers: sign in with your e-mail and password",
  "oidc.failedTitle": "Signing in with your company account did not work",
  "oidc.tryAgain": "Try again",
  "oidc.backToSignIn": "Back to the sign-in page",
  "settings.chooseSite": "Your company account does not say which site you work at: choose yours below and save.",
  "errors.unavailable": "This service does not answer right now. Try again in a few minutes.",
  "errors.oidcExpired": "This sign-in attempt has expired or was started in another browser. Nothing was changed: start again.",
  "errors.oidcRefused":
    "Your company's identity provider did not confirm who you are. Nothing was changed: try again, and contact your IT support if it happens again.",
  "errors.oidcUnavailable": "Your company's identity provider does not answer right now. Try again in a few minutes.",
  "errors.oidcEmailTaken":
    "A Guilde account already uses your e-mail address and cannot be linked to your company account. Ask a Guilde administrator.",
  "errors.oidcEmailMissing": "Your company account gives no e-mail address, which Guilde needs. Contact your IT support.",
  "errors.oidcTryAgain": "Your account was being created at the same moment elsewhere. Try again.",
  "errors.useCompanySignIn": "Employees sign in with their company account.",
};

export const fr: Record<keyof typeof en, string> = {
  "signIn.withCompany": "Se connecter avec son compte d'entreprise",
  "signIn.orPassword": "Ou se connecter avec son adresse e-mail et son mot de passe",
  "signIn.passwordForCustomers": "Clients invités : connectez-vous avec votre adresse e-mail et votre mot de passe",
  "oidc.failedTitle": "La connexion avec votre compte d'entreprise n'a pas abouti",
  "oidc.tryAgain": "Réessayer",
  "oidc.backToSignIn": "Retour à la page de connexion",
  "settings.chooseSite": "Votre compte d'entreprise n'indique pas votre site : choisissez-le ci-dessous et enregistrez.",
  "errors.unavailable": "Ce service ne répond pas pour l'instant. Réessayez dans quelques minutes.",
  "errors.oidcExpired":
    "Cette tentative de connexion a expiré ou a été commencée dans un autre navigateur. Rien n'a été modifié : recommencez.",
  "errors.oidcRefused":
    "Le fournisseur d'identité de votre entreprise n'a pas confirmé qui vous êtes. Rien n'a été modifié : réessayez, et contactez votre support informatique si cela se reproduit.",
  "errors.oidcUnavailable": "Le fournisseur d'identité de votre entreprise ne répond pas pour l'instant. Réessayez dans quelques minutes.",
  "errors.oidcEmailTaken":
    "Un compte Guilde utilise déjà votre adresse e-mail et ne peut pas être relié à votre compte d'entreprise. Adressez-vous à un administrateur de Guilde.",
  "errors.oidcEmailMissing": "Votre compte d'entreprise ne donne pas d'adresse e-mail, dont Guilde a besoin. Contactez votre support informatique.",
  "errors.oidcTryAgain": "Votre compte était créé au même moment ailleurs. Réessayez.",
  "errors.useCompanySignIn": "Les salariés se connectent avec leur compte d'entreprise.",
};
