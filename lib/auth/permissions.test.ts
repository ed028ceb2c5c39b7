// The permission table is the single source of truth: walk it, and check every server action
// names a permission from it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLES } from "@/lib/auth/permissions";
import { permissionOf } from "../../e2e/security-actions";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe("permission table", () => {
  it("only names known roles, and every permission has at least one role", () => {
    for (const [permission, roles] of Object.entries(PERMISSIONS)) {
      expect(roles.length, permission).toBeGreaterThan(0);
      for (const role of roles) expect(ROLES).toContain(role);
    }
  });

  it("walks every permission for every role and anonymous", () => {
    for (const [permission, roles] of Object.entries(PERMISSIONS) as [keyof typeof PERMISSIONS, readonly string[]][]) {
      for (const role of ROLES) expect(can(role, permission), `${role} ${permission}`).toBe(roles.includes(role));
      expect(can(null, permission)).toBe(false);
    }
  });

  it("keeps user management to admins and the admin area open to every role", () => {
    expect(PERMISSIONS["user.create"]).toEqual(["ADMIN"]);
    expect(can("TRANSLATOR", "user.list")).toBe(false);
    expect(can("EDITOR", "user.changeRole")).toBe(false);
    for (const role of ROLES) expect(can(role, "admin.access")).toBe(true);
  });

  it("names what admins may skip in the table: no module compares a role with ADMIN", () => {
    expect(PERMISSIONS["workflow.skipFourEyes"]).toEqual(["ADMIN"]);
    const root = path.resolve(import.meta.dirname, "../..");
    const comparesWithAdmin = ["lib", "app", "components"]
      .flatMap((dir) => sourceFiles(path.join(root, dir)))
      .filter((file) => !/\.test\.tsx?$/.test(file) && /\brole\s*[!=]==?\s*"ADMIN"/.test(readFileSync(file, "utf8")));
    expect(comparesWithAdmin.map((file) => path.relative(root, file))).toEqual([]);
  });

  it("every exported server action goes through defineAction with a permission from the table", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const actionFiles = sourceFiles(path.join(root, "lib")).filter((file) => /^["']use server["'];?/m.test(readFileSync(file, "utf8")));
    expect(actionFiles.length).toBeGreaterThan(0);
    for (const file of actionFiles) {
      const source = readFileSync(file, "utf8");
      const exported = [...source.matchAll(/^export (?:async function|const) (\w+)/gm)].map((match) => match[1]);
      for (const name of exported) {
        // The same reading of the source as the browser walk (e2e/security-actions.ts).
        const definition = permissionOf({ filename: path.relative(root, file), exportedName: name! });
        if (definition.kind === "anyone") continue; // sign-in and sign-out are for anyone
        expect(definition.kind, `${path.relative(root, file)}: ${name} must use defineAction`).toBe("permission");
        expect(Object.keys(PERMISSIONS), `${name}`).toContain(definition.kind === "permission" ? definition.permission : "");
      }
    }
  });
});
