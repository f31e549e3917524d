/** `npm run admin:grant -- <email>`: see lib/admin-role.ts. */
import { runRoleCommand } from "./lib/admin-role";

runRoleCommand("grant");
