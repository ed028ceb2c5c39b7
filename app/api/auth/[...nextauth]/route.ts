// next-auth's HTTP endpoints (session, CSRF token, sign-out).
import { handlers } from "@/lib/auth";

export const { GET, POST } = handlers;
