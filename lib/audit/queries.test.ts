// The audit log's admin reads against the real database: filters and keyset pages.
import { describe, expect, it } from "vitest";
import { writeAudit } from "@/lib/audit/log";
import { listAuditEntries, parseAuditFilters } from "@/lib/audit/queries";
import { makeUser, uniqueWord } from "@/test/fixtures/workflow";

describe("listAuditEntries", () => {
  it("filters by action (exact or prefix), actor and entity, and pages by id", async () => {
    const actor = await makeUser("ADMIN");
    const entity = uniqueWord("e");
    for (const action of ["workflow.submit", "workflow.approve", "workflow.publish", "comment.add"]) {
      await writeAudit({ actorId: actor.id, action, entityType: "articleVersion", entityId: entity });
    }
    const all = await listAuditEntries(parseAuditFilters({ entity }));
    expect(all.entries.map((entry) => entry.action)).toEqual(["comment.add", "workflow.publish", "workflow.approve", "workflow.submit"]);
    expect(all.entries[0]?.actor).toMatchObject({ id: actor.id, name: actor.name });

    expect((await listAuditEntries(parseAuditFilters({ entity, action: "workflow." }))).entries).toHaveLength(3);
    expect((await listAuditEntries(parseAuditFilters({ entity, action: "comment.add", actor: actor.id }))).entries).toHaveLength(1);

    const page1 = await listAuditEntries(parseAuditFilters({ entity }), 3);
    expect(page1.nextBefore).not.toBeNull();
    const page2 = await listAuditEntries(parseAuditFilters({ entity, before: String(page1.nextBefore) }), 3);
    expect(page2.entries.map((entry) => entry.action)).toEqual(["workflow.submit"]);
    expect(page2.nextBefore).toBeNull();

    expect((await listAuditEntries(parseAuditFilters({ entity, to: "2000-01-01" }))).entries).toHaveLength(0);
  });

  it("ignores malformed filters", () => {
    expect(parseAuditFilters({ action: "x'; drop table", before: "abc", from: "soon" })).toMatchObject({
      action: null,
      before: null,
      from: null,
    });
  });
});

describe("listAuditActions", () => {
  it("lists each action once", async () => {
    const action = `${uniqueWord("zz")}.probe`;
    await writeAudit({ actorId: null, action });
    await writeAudit({ actorId: null, action });
    const { listAuditActions } = await import("@/lib/audit/queries");
    const actions = await listAuditActions();
    expect(actions.filter((name) => name === action)).toHaveLength(1);
  });
});
