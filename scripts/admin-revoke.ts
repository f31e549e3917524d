/** `npm run admin:revoke -- <email>`: see lib/admin-role.ts. */
import { runRoleCommand } from "./lib/admin-role";

runRoleCommand("revoke");
