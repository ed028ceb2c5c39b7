// Fingerprints of source blocks: sha256 of the block's normalised text. The same computation is
// written in SQL (`SQL_BLOCK_HASH`) so the queue can find outdated translations in the database.
import { createHash } from "node:crypto";
import type { JSONContent } from "@tiptap/core";
import { fingerprintText, WHITESPACE_CODE_POINTS } from "./text";

/** All text of a block in document order (a figure: its caption), as fingerprinted. */
export function blockRawText(block: JSONContent): string {
  if (block.type === "figure") return typeof block.attrs?.caption === "string" ? block.attrs.caption : "";
  let text = "";
  const walk = (node: JSONContent) => {
    if (node.type === "text" && typeof node.text === "string") text += node.text;
    for (const child of node.content ?? []) walk(child);
  };
  walk(block);
  return text;
}

export function hashText(text: string): string {
  return createHash("sha256").update(fingerprintText(text), "utf8").digest("hex");
}

export function blockFingerprint(block: JSONContent): string {
  return hashText(blockRawText(block));
}

const whitespaceClass = WHITESPACE_CODE_POINTS.map((code) => `chr(${code})`).join(" || ");

/** SQL text of a block (jsonb expression `block`), exactly as `blockRawText` + `fingerprintText`. */
export function sqlBlockText(block: string): string {
  const raw = `CASE WHEN ${block}->>'type' = 'figure' THEN coalesce(${block}->'attrs'->>'caption', '')
    ELSE coalesce((SELECT string_agg(t.v #>> '{}', '' ORDER BY t.n) FROM jsonb_path_query(${block}, 'strict $.**?(@.type == "text").text') WITH ORDINALITY AS t(v, n)), '') END`;
  return `btrim(regexp_replace(normalize(${raw}, NFC), '[' || ${whitespaceClass} || ']+', ' ', 'g'), ' ')`;
}

export function sqlBlockHash(block: string): string {
  return `encode(sha256(convert_to(${sqlBlockText(block)}, 'UTF8')), 'hex')`;
}
