// A small PostgreSQL script scanner: finds the top-level statements of a migration script, skipping comments,
// quoted strings/identifiers and dollar-quoted bodies, so semicolons inside them are not mistaken for separators.

/**
 * Splits a script into its top-level statements. Comments are dropped, string/identifier/dollar-quoted contents
 * are replaced by a placeholder (`''`, `""`, `$$`), and whitespace is collapsed: the output is for inspecting
 * statement kinds, not for running.
 */
export function topLevelStatements(script: string): string[] {
  const statements: string[] = [];
  let current = "";
  let i = 0;
  const n = script.length;

  const flush = () => {
    const statement = current.replace(/\s+/g, " ").trim();
    if (statement) statements.push(statement);
    current = "";
  };

  while (i < n) {
    const ch = script[i] as string;
    const next = script[i + 1];

    if (ch === "-" && next === "-") {
      const end = script.indexOf("\n", i);
      i = end === -1 ? n : end;
      current += " ";
    } else if (ch === "/" && next === "*") {
      // Postgres block comments nest.
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        if (script[i] === "/" && script[i + 1] === "*") {
          depth += 1;
          i += 2;
        } else if (script[i] === "*" && script[i + 1] === "/") {
          depth -= 1;
          i += 2;
        } else {
          i += 1;
        }
      }
      current += " ";
    } else if (ch === "'") {
      // E'...' strings honour backslash escapes; standard strings only the doubled quote.
      const escapes = /(^|[^A-Za-z0-9_$])[Ee]$/.test(current);
      i += 1;
      while (i < n) {
        if (escapes && script[i] === "\\") i += 2;
        else if (script[i] === "'" && script[i + 1] === "'") i += 2;
        else if (script[i] === "'") break;
        else i += 1;
      }
      i += 1;
      current += "''";
    } else if (ch === '"') {
      i += 1;
      while (i < n) {
        if (script[i] === '"' && script[i + 1] === '"') i += 2;
        else if (script[i] === '"') break;
        else i += 1;
      }
      i += 1;
      current += '""';
    } else if (ch === "$" && !/[A-Za-z0-9_]$/.test(current)) {
      // $tag$ ... $tag$ (tag may be empty); `$1` is a parameter, not a quote.
      const tag = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(script.slice(i));
      if (tag) {
        const end = script.indexOf(tag[0], i + tag[0].length);
        i = end === -1 ? n : end + tag[0].length;
        current += "$$";
      } else {
        current += ch;
        i += 1;
      }
    } else if (ch === ";") {
      flush();
      i += 1;
    } else {
      current += ch;
      i += 1;
    }
  }
  flush();
  return statements;
}

const TRANSACTION_CONTROL = /^(BEGIN|START TRANSACTION|COMMIT|END|ROLLBACK|ABORT|SAVEPOINT|RELEASE|PREPARE TRANSACTION|COMMIT PREPARED)\b/i;
const OUTSIDE_TRANSACTION_ONLY = [
  /^(VACUUM|CREATE DATABASE|DROP DATABASE|ALTER SYSTEM|CREATE TABLESPACE|DROP TABLESPACE)\b/i,
  /^REINDEX (SYSTEM|DATABASE)\b/i,
  /^(CREATE|DROP|REINDEX)\b.*\bCONCURRENTLY\b/i,
];

/**
 * Whether the script can be wrapped in our own transaction: not if it manages transactions itself (Prisma emits
 * BEGIN/COMMIT around some enum changes) or contains statements Postgres refuses inside a transaction block.
 */
export function canRunInTransaction(script: string): boolean {
  return !topLevelStatements(script).some(
    (statement) => TRANSACTION_CONTROL.test(statement) || OUTSIDE_TRANSACTION_ONLY.some((re) => re.test(statement)),
  );
}

/** True when the script holds nothing but comments and whitespace. */
export function isEmptyScript(script: string): boolean {
  return topLevelStatements(script).length === 0;
}

/** 1-based line and column of a 1-based character position (as reported in Postgres errors). */
export function lineAndColumn(script: string, position: number): { line: number; column: number; text: string } {
  const before = script.slice(0, Math.max(0, position - 1));
  const lines = before.split("\n");
  const line = lines.length;
  const column = (lines.at(-1)?.length ?? 0) + 1;
  return { line, column, text: script.split("\n")[line - 1] ?? "" };
}
