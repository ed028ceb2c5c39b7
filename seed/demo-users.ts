// The demo accounts, one per role. Their passwords are for a local demo only and are printed by
// `npm run demo`; a real deployment creates its first admin with `npm run user:create`.
import type { Role } from "@/lib/generated/prisma/enums";

export const DEMO_USERS: { email: string; name: string; role: Role; password: string }[] = [
  { email: "admin@desk.local", name: "Demo Admin", role: "ADMIN", password: "admin-demo-password" },
  { email: "editor@desk.local", name: "Demo Editor", role: "EDITOR", password: "editor-demo-password" },
  { email: "translator@desk.local", name: "Demo Translator", role: "TRANSLATOR", password: "translator-demo-password" },
];
