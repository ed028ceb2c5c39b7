// Walks every state x transition x role against the rules written out by hand from the issue,
// so a change to the state machine has to be made twice (here and in transitions.ts) on purpose.
import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/auth/permissions";
import type { Role, VersionStatus } from "@/lib/generated/prisma/enums";
import {
  availableTransitions,
  changesPublicSite,
  checkCancelSchedule,
  checkSchedule,
  checkTransition,
  TRANSITION_KINDS,
  TRANSITIONS,
  VERSION_STATUSES,
  type TransitionKind,
  type WorkflowSubject,
} from "@/lib/workflow/transitions";

const EXPECTED_EDGES: Record<TransitionKind, [VersionStatus[], VersionStatus]> = {
  submit: [["DRAFT"], "IN_REVIEW"],
  approve: [["IN_REVIEW"], "APPROVED"],
  publish: [["APPROVED"], "PUBLISHED"],
  unpublish: [["PUBLISHED"], "UNPUBLISHED"],
  archive: [["DRAFT", "IN_REVIEW", "APPROVED", "PUBLISHED", "UNPUBLISHED"], "ARCHIVED"],
  returnToDraft: [["IN_REVIEW", "APPROVED", "UNPUBLISHED", "ARCHIVED"], "DRAFT"],
};

const EXPECTED_ROLES: Record<TransitionKind, Role[]> = {
  submit: ["ADMIN", "EDITOR", "TRANSLATOR"],
  approve: ["ADMIN", "EDITOR"],
  publish: ["ADMIN", "EDITOR"],
  unpublish: ["ADMIN", "EDITOR"],
  archive: ["ADMIN", "EDITOR"],
  returnToDraft: ["ADMIN", "EDITOR"],
};

const me = (role: Role) => ({ id: `user-${role}`, role });
const subject = (status: VersionStatus, overrides: Partial<WorkflowSubject> = {}): WorkflowSubject => ({
  status,
  language: "en",
  sourceLanguage: "fr",
  submittedById: "someone-else",
  ...overrides,
});

describe("transition table", () => {
  it("has exactly the issue's edges", () => {
    for (const kind of TRANSITION_KINDS) {
      expect([...TRANSITIONS[kind].from].sort(), kind).toEqual([...EXPECTED_EDGES[kind][0]].sort());
      expect(TRANSITIONS[kind].to, kind).toBe(EXPECTED_EDGES[kind][1]);
    }
    expect(TRANSITION_KINDS.sort()).toEqual(Object.keys(EXPECTED_EDGES).sort());
  });

  it("walks every state x transition x role (a translation submitted by someone else)", () => {
    for (const status of VERSION_STATUSES) {
      for (const kind of TRANSITION_KINDS) {
        for (const role of ROLES) {
          const allowed = EXPECTED_EDGES[kind][0].includes(status) && EXPECTED_ROLES[kind].includes(role);
          const check = checkTransition(kind, subject(status), me(role));
          expect(check.ok, `${role} ${kind} from ${status}`).toBe(allowed);
          if (!check.ok) {
            const reason = EXPECTED_ROLES[kind].includes(role) ? "wrongState" : "forbidden";
            expect(check.reason, `${role} ${kind} from ${status}`).toBe(reason);
          }
          expect(availableTransitions(subject(status), me(role)).includes(kind)).toBe(allowed);
        }
      }
    }
  });

  it("only asks for a note when sending back to draft", () => {
    for (const kind of TRANSITION_KINDS)
      expect("needsNote" in TRANSITIONS[kind] && TRANSITIONS[kind].needsNote === true).toBe(kind === "returnToDraft");
  });
});

describe("four-eyes rule", () => {
  it("refuses an editor approving their own submission", () => {
    const own = subject("IN_REVIEW", { submittedById: me("EDITOR").id });
    expect(checkTransition("approve", own, me("EDITOR"))).toEqual({ ok: false, reason: "fourEyes" });
    expect(availableTransitions(own, me("EDITOR"))).not.toContain("approve");
  });

  it("lets an admin approve their own submission, and an editor someone else's", () => {
    expect(checkTransition("approve", subject("IN_REVIEW", { submittedById: me("ADMIN").id }), me("ADMIN")).ok).toBe(true);
    expect(checkTransition("approve", subject("IN_REVIEW", { submittedById: "other" }), me("EDITOR")).ok).toBe(true);
    expect(checkTransition("approve", subject("IN_REVIEW", { submittedById: null }), me("EDITOR")).ok).toBe(true);
  });

  it("does not stop an editor publishing what they submitted once someone else approved it", () => {
    expect(checkTransition("publish", subject("APPROVED", { submittedById: me("EDITOR").id }), me("EDITOR")).ok).toBe(true);
  });
});

describe("translators", () => {
  it("submit translations but not the source-language version", () => {
    expect(checkTransition("submit", subject("DRAFT", { language: "en", sourceLanguage: "fr" }), me("TRANSLATOR")).ok).toBe(true);
    expect(checkTransition("submit", subject("DRAFT", { language: "fr", sourceLanguage: "fr" }), me("TRANSLATOR"))).toEqual({
      ok: false,
      reason: "translationsOnly",
    });
  });

  it("leaves editors free to submit the source", () => {
    expect(checkTransition("submit", subject("DRAFT", { language: "fr", sourceLanguage: "fr" }), me("EDITOR")).ok).toBe(true);
  });
});

describe("scheduling", () => {
  it("is for editors and admins, on approved versions only", () => {
    for (const status of VERSION_STATUSES) {
      for (const role of ROLES) {
        const check = checkSchedule(subject(status), me(role));
        expect(check.ok, `${role} ${status}`).toBe(status === "APPROVED" && role !== "TRANSLATOR");
      }
    }
  });

  it("cancels only what is scheduled", () => {
    expect(checkCancelSchedule(subject("APPROVED", { scheduledAt: null }), me("EDITOR"))).toEqual({ ok: false, reason: "wrongState" });
    expect(checkCancelSchedule(subject("APPROVED", { scheduledAt: new Date() }), me("EDITOR")).ok).toBe(true);
    expect(checkCancelSchedule(subject("APPROVED", { scheduledAt: new Date() }), me("TRANSLATOR"))).toEqual({
      ok: false,
      reason: "forbidden",
    });
  });
});

describe("changesPublicSite", () => {
  it("is true exactly when a version enters or leaves PUBLISHED", () => {
    for (const from of VERSION_STATUSES)
      for (const to of VERSION_STATUSES)
        expect(changesPublicSite(from, to), `${from}->${to}`).toBe(from !== to && (from === "PUBLISHED" || to === "PUBLISHED"));
  });
});
