// The editorial state machine as plain data: which state may move to which, under which permission,
// and the extra rules (four eyes, translators submit only translations). Read by the workflow
// service (the server's check), the workflow panel (which buttons to show) and the tests.
import { can, type Permission } from "@/lib/auth/permissions";
import type { Role, VersionStatus } from "@/lib/generated/prisma/enums";

export const VERSION_STATUSES = [
  "DRAFT",
  "IN_REVIEW",
  "APPROVED",
  "PUBLISHED",
  "UNPUBLISHED",
  "ARCHIVED",
] as const satisfies readonly VersionStatus[];

type TransitionRule = {
  from: readonly VersionStatus[];
  to: VersionStatus;
  permission: Permission;
  /** A note saying why is required (sending work back). */
  needsNote?: boolean;
};

export const TRANSITIONS = {
  submit: { from: ["DRAFT"], to: "IN_REVIEW", permission: "article.submit" },
  approve: { from: ["IN_REVIEW"], to: "APPROVED", permission: "article.approve" },
  publish: { from: ["APPROVED"], to: "PUBLISHED", permission: "article.publish" },
  unpublish: { from: ["PUBLISHED"], to: "UNPUBLISHED", permission: "article.unpublish" },
  archive: { from: ["DRAFT", "IN_REVIEW", "APPROVED", "PUBLISHED", "UNPUBLISHED"], to: "ARCHIVED", permission: "article.archive" },
  returnToDraft: {
    from: ["IN_REVIEW", "APPROVED", "UNPUBLISHED", "ARCHIVED"],
    to: "DRAFT",
    permission: "article.returnToDraft",
    needsNote: true,
  },
} as const satisfies Record<string, TransitionRule>;

export type TransitionKind = keyof typeof TRANSITIONS;
export const TRANSITION_KINDS = Object.keys(TRANSITIONS) as TransitionKind[];

export type WorkflowActor = { id: string; role: Role };

/** What the rules need to know about a language version. */
export type WorkflowSubject = {
  status: VersionStatus;
  language: string;
  /** The story's original language: other versions are translations. */
  sourceLanguage: string;
  submittedById: string | null;
  scheduledAt?: Date | null;
};

export type RefusalReason = "forbidden" | "wrongState" | "fourEyes" | "translationsOnly";
export type RuleCheck = { ok: true } | { ok: false; reason: RefusalReason };

const OK: RuleCheck = { ok: true };
const refuse = (reason: RefusalReason): RuleCheck => ({ ok: false, reason });

export function checkTransition(kind: TransitionKind, subject: WorkflowSubject, actor: WorkflowActor): RuleCheck {
  const rule: TransitionRule = TRANSITIONS[kind];
  if (!can(actor.role, rule.permission)) return refuse("forbidden");
  if (!rule.from.includes(subject.status)) return refuse("wrongState");
  // Translators hand in translations; the source text is the editors' to send.
  if (kind === "submit" && actor.role === "TRANSLATOR" && subject.language === subject.sourceLanguage) return refuse("translationsOnly");
  // Four eyes: whoever sent a version to review does not approve it, unless the table exempts them.
  if (kind === "approve" && !can(actor.role, "workflow.skipFourEyes") && subject.submittedById === actor.id) return refuse("fourEyes");
  return OK;
}

/** The transitions this actor may make on this version now, in the order the panel shows them. */
export function availableTransitions(subject: WorkflowSubject, actor: WorkflowActor): TransitionKind[] {
  return TRANSITION_KINDS.filter((kind) => checkTransition(kind, subject, actor).ok);
}

/** Publication at a future time: an approved version, by someone allowed to schedule. */
export function checkSchedule(subject: WorkflowSubject, actor: WorkflowActor): RuleCheck {
  if (!can(actor.role, "article.schedule")) return refuse("forbidden");
  if (subject.status !== "APPROVED") return refuse("wrongState");
  return OK;
}

export function checkCancelSchedule(subject: WorkflowSubject, actor: WorkflowActor): RuleCheck {
  const base = checkSchedule(subject, actor);
  if (!base.ok) return base;
  return subject.scheduledAt ? OK : refuse("wrongState");
}

/** Whether readers see a change when a version leaves `from` for `to`. */
export function changesPublicSite(from: VersionStatus, to: VersionStatus): boolean {
  return from !== to && (from === "PUBLISHED" || to === "PUBLISHED");
}
