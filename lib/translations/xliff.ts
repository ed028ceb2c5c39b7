// XLIFF 2.0 export and import of a translation, for translators working in a CAT tool: one
// <unit id=blockId> per source paragraph, with the source block's fingerprint and the source
// version's number in notes so a re-import can check it still matches. Bold, italic and links
// travel as inline codes (<pc>, a link's address in the unit's originalData), hard breaks as <ph>.
// Parsing refuses DTDs and entity declarations outright, and files over 2 MB. Pure.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { normalizeInline, type Inline, type InlineMark } from "./inline";

export const MAX_XLIFF_BYTES = 2 * 1024 * 1024;
const NAMESPACE = "urn:oasis:names:tc:xliff:document:2.0";

export type XliffUnit = { id: string; sourceHash: string; source: Inline; target: Inline };
export type XliffDocument = {
  articleId: string;
  sourceLanguage: string;
  targetLanguage: string;
  sourceVersion: number;
  units: XliffUnit[];
};

/** Text as XML character data: markup characters escaped, characters XML 1.0 forbids dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const FORMAT_SUBTYPES = { bold: "xlf:b", italic: "xlf:i" } as const;

/**
 * One unit's inline codes: each marked run becomes nested <pc> spans (ids unique in the unit),
 * a link's address goes once into originalData and is named by dataRefStart.
 */
class InlineCodes {
  private nextId = 1;
  readonly data = new Map<string, string>();

  private linkRef(href: string): string {
    for (const [id, value] of this.data) if (value === href) return id;
    const id = `d${this.data.size + 1}`;
    this.data.set(id, href);
    return id;
  }

  private open(mark: InlineMark): string {
    const id = this.nextId++;
    if (mark.type === "link") return `<pc id="${id}" type="link" dataRefStart="${this.linkRef(mark.attrs.href)}">`;
    return `<pc id="${id}" type="fmt" subType="${FORMAT_SUBTYPES[mark.type]}">`;
  }

  write(inline: Inline): string {
    return inline
      .map((node) => {
        if (node.type === "hardBreak") return `<ph id="${this.nextId++}" type="fmt" subType="xlf:lb"/>`;
        const marks = node.marks ?? [];
        return marks.map((mark) => this.open(mark)).join("") + escapeXml(node.text) + "</pc>".repeat(marks.length);
      })
      .join("");
  }
}

export function exportXliff(document: XliffDocument): string {
  const e = escapeXml;
  const units = document.units.map((unit) => {
    const codes = new InlineCodes();
    const source = codes.write(unit.source);
    const target = codes.write(unit.target);
    const data = [...codes.data].map(([id, href]) => `\n        <data id="${id}">${e(href)}</data>`).join("");
    const originalData = data ? `\n      <originalData>${data}\n      </originalData>` : "";
    return `    <unit id="${e(unit.id)}">
      <notes>
        <note category="sourceHash">${e(unit.sourceHash)}</note>
      </notes>${originalData}
      <segment>
        <source>${source}</source>
        <target>${target}</target>
      </segment>
    </unit>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="${NAMESPACE}" version="2.0" srcLang="${e(document.sourceLanguage)}" trgLang="${e(document.targetLanguage)}">
  <file id="article-${e(document.articleId)}" original="article/${e(document.articleId)}">
    <notes>
      <note category="articleId">${e(document.articleId)}</note>
      <note category="sourceVersion">${document.sourceVersion}</note>
    </notes>
${units.join("\n")}
  </file>
</xliff>
`;
}

export type ParsedXliff = { ok: true; document: XliffDocument } | { ok: false; error: XliffError; detail?: string };
export type XliffError = "xliff.tooLarge" | "xliff.doctype" | "xliff.malformed" | "xliff.notXliff" | "xliff.markup";

type Element = Record<string, unknown>;
const LISTS = new Set(["file", "unit", "note", "segment", "originalData", "data"]);

function elements(value: unknown): Element[] {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (item): item is Element => typeof item === "object" && item !== null,
  );
}

/** Character data of a leaf element; null when it holds markup we do not support. */
function textOf(value: unknown): string | null {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "object") {
    const keys = Object.keys(value).filter((key) => !key.startsWith("@_"));
    if (keys.every((key) => key === "#text")) return String((value as Element)["#text"] ?? "");
  }
  return null;
}

function noteOf(container: Element | undefined, category: string): string | null {
  const notes = elements(container?.notes).flatMap((notesElement) => elements(notesElement.note));
  const note = notes.find((candidate) => candidate["@_category"] === category);
  return note ? textOf(note) : null;
}

/** Reads a segment's content (its raw XML, kept whole by the parser) back into marked runs. */
const inlineParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  trimValues: false,
  htmlEntities: false,
  processEntities: true,
});

type OrderedNode = Record<string, unknown> & { ":@"?: Record<string, string> };

/** Null when the content holds a code this editor does not know (it would be lost silently). */
function readInline(raw: unknown, data: Map<string, string>): Inline | null {
  if (raw === undefined || raw === null || raw === "") return [];
  if (typeof raw !== "string") return null;
  const nodes: { type: string; text?: string; marks?: InlineMark[] }[] = [];
  const walk = (children: OrderedNode[], marks: InlineMark[]): boolean => {
    for (const child of children) {
      if ("#text" in child) {
        nodes.push({ type: "text", text: String(child["#text"]), marks });
        continue;
      }
      const attributes = child[":@"] ?? {};
      if (Array.isArray(child.ph)) {
        if (attributes["@_subType"] !== "xlf:lb") return false;
        nodes.push({ type: "hardBreak" });
      } else if (Array.isArray(child.pc)) {
        const href = attributes["@_type"] === "link" ? data.get(attributes["@_dataRefStart"] ?? "") : undefined;
        const format = Object.entries(FORMAT_SUBTYPES).find(([, subType]) => subType === attributes["@_subType"])?.[0];
        const mark: InlineMark | null = href ? { type: "link", attrs: { href } } : format ? { type: format as "bold" | "italic" } : null;
        if (!mark || !walk(child.pc as OrderedNode[], [...marks, mark])) return false;
      } else return false;
    }
    return true;
  };
  const root = inlineParser.parse(`<r>${raw}</r>`) as OrderedNode[];
  const content = (root[0]?.r ?? []) as OrderedNode[];
  return walk(content, []) ? normalizeInline(nodes) : null;
}

export function parseXliff(xml: string): ParsedXliff {
  if (Buffer.byteLength(xml, "utf8") > MAX_XLIFF_BYTES) return { ok: false, error: "xliff.tooLarge" };
  // No DTD of any kind: that is where entity expansion ("billion laughs") and external entities hide.
  if (/<!\s*(DOCTYPE|ENTITY)/i.test(xml)) return { ok: false, error: "xliff.doctype" };
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { ok: false, error: "xliff.malformed", detail: `${valid.err.msg} (line ${valid.err.line})` };
  let root: Element;
  try {
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "@_",
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: false,
      htmlEntities: false,
      processEntities: true,
      isArray: (name) => LISTS.has(name),
      // Segments keep their raw XML: their inline codes are read in order by readInline.
      stopNodes: ["*.source", "*.target"],
    });
    root = parser.parse(xml) as Element;
  } catch (error) {
    return { ok: false, error: "xliff.malformed", detail: error instanceof Error ? error.message : undefined };
  }
  const xliff = elements(root.xliff)[0];
  const file = elements(xliff?.file)[0];
  if (!xliff || !file || xliff["@_version"] !== "2.0" || xliff["@_xmlns"] !== NAMESPACE) return { ok: false, error: "xliff.notXliff" };
  const articleId = noteOf(file, "articleId");
  const sourceVersion = Number(noteOf(file, "sourceVersion"));
  const sourceLanguage = xliff["@_srcLang"];
  const targetLanguage = xliff["@_trgLang"];
  if (!articleId || !Number.isInteger(sourceVersion) || typeof sourceLanguage !== "string" || typeof targetLanguage !== "string")
    return { ok: false, error: "xliff.notXliff" };
  const units: XliffUnit[] = [];
  for (const unit of elements(file.unit)) {
    const id = unit["@_id"];
    const segment = elements(unit.segment)[0];
    const data = new Map(
      elements(unit.originalData)
        .flatMap((originalData) => elements(originalData.data))
        .map((entry) => [String(entry["@_id"] ?? ""), textOf(entry) ?? ""] as const),
    );
    const source = readInline(segment?.source, data);
    const target = readInline(segment?.target, data);
    const sourceHash = noteOf(unit, "sourceHash");
    if (typeof id !== "string" || !segment || sourceHash === null) return { ok: false, error: "xliff.notXliff" };
    if (source === null || target === null) return { ok: false, error: "xliff.markup", detail: id };
    units.push({ id, sourceHash, source, target });
  }
  return { ok: true, document: { articleId, sourceLanguage, targetLanguage, sourceVersion, units } };
}
