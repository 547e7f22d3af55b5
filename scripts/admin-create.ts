/**
 * npm run admin:create -- --email camille@company.com --name "Camille Laurent" [--password "…"]
 * Creates an administrator, or promotes the existing account with that e-mail.
 */
import { parseArgs } from "node:util";
import { createOrPromoteAdmin } from "../server/auth/admins";
import { parseConfig } from "../server/config";
import { Invalid } from "../server/errors";
import { openGuilde } from "../server/guilde";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
});
if (!values.email) {
  console.error('Usage: npm run admin:create -- --email <e-mail> --name "<name>" [--password "<password>"]');
  process.exit(2);
}

// No demo data here: this command must never seed a real installation.
const guilde = await openGuilde({ ...parseConfig(), demoData: false });
try {
  const { created } = await createOrPromoteAdmin(guilde, {
    email: values.email,
    displayName: values.name ?? values.email.split("@")[0],
    password: values.password,
  });
  console.log(created ? `Administrator ${values.email} created.` : `${values.email} is now an administrator.`);
} catch (error) {
  console.error(error instanceof Invalid ? `Invalid input: ${JSON.stringify(error.fieldErrors)}` : String(error));
  process.exitCode = 1;
} finally {
  await guilde.database.close();
}
