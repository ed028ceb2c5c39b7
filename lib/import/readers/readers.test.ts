// The readers on real files built here: a Word file written by the docx package, an e-mail with
// attachments composed by nodemailer's MailComposer, a page as a browser saves it.
import { describe, expect, it } from "vitest";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { zipSync } from "fflate";
import MailComposer from "nodemailer/lib/mail-composer";
import { parseFiles } from "../parse-files";
import { createParsePool } from "../parse-pool";
import { sniffInput, splitInput, wireBytesOf, type InputFile } from "./index";

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

const STORY = [
  "Le Vietnam et le Japon renforcent leur coopération",
  "Hanoï (VNA) – Le ministre des Affaires étrangères a reçu mardi 6 juillet son homologue japonais à Hanoï.",
  "Les deux parties ont salué la hausse des échanges, qui ont atteint 50 milliards de dollars l’an dernier.",
  "« Nous voulons aller plus loin », a déclaré le ministre.",
];

async function docxFile(paragraphs: string[]): Promise<Uint8Array> {
  const document = new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })) }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

const PAGE = `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>${STORY[0]} | Le Courrier</title></head>
<body>
<nav><a href="/">Accueil</a> <a href="/politique">Politique</a> <a href="/economie">Économie</a></nav>
<article>
  <h1>${STORY[0]}</h1>
  <time datetime="2024-07-06T10:20:00+07:00">06/07/2024 10h20</time>
  <p>${STORY[1]}</p>
  <figure><img src="a.jpg" alt=""><figcaption>Le ministre et son homologue japonais à Hanoï. Photo : VNA</figcaption></figure>
  <p>${STORY[2]}</p>
  <p>${STORY[3]}</p>
</article>
<footer>Rédacteur en chef : Nguyen Van A. Licence n° 123/GP-BTTTT. Tél. : 024 1234 5678</footer>
</body></html>`;

async function mailWith(attachments: { filename: string; content: Uint8Array | string }[], text = STORY.join("\n\n")): Promise<Uint8Array> {
  const composer = new MailComposer({
    from: "desk@example.org",
    to: "import@example.org",
    subject: "Dépêche du jour",
    text,
    attachments: attachments.map(({ filename, content }) => ({
      filename,
      content: typeof content === "string" ? content : Buffer.from(content),
    })),
  });
  return new Uint8Array(await composer.compile().build());
}

describe("sniffInput", () => {
  it("tells each kind by its content, whatever the name says", async () => {
    expect(sniffInput({ name: "story.txt", bytes: encode(STORY.join("\n")) })).toBe("text");
    expect(sniffInput({ name: "page.txt", bytes: encode(PAGE) })).toBe("html");
    expect(sniffInput({ name: "letter", bytes: await docxFile(STORY) })).toBe("docx");
    expect(sniffInput({ name: "mail.txt", bytes: await mailWith([]) })).toBe("eml");
    // A wire beginning with a "Title:" line is not a mail: a mail has several of a mail's headers.
    expect(sniffInput({ name: "s.txt", bytes: encode(`Titre: ${STORY[0]}\n${STORY[1]}`) })).toBe("text");
  });
});

describe("a saved web page", () => {
  it("reads the article's title, <time> date, paragraphs and figure caption, not the page's menu and footer", async () => {
    const read = await wireBytesOf({ name: "page.html", bytes: encode(PAGE) });
    if (!read.ok) throw new Error(read.refusal.code);
    const text = decode(read.bytes);
    expect(text).not.toMatch(/Accueil|Licence/);
    const [result] = await parseFiles([{ name: "page.html", bytes: encode(PAGE) }]);
    if (!result?.ok) throw new Error(JSON.stringify(result));
    expect(result.article.title).toBe(STORY[0]);
    expect(result.article.date?.value).toBe("2024-07-06");
    expect(result.article.dateline?.place).toBe("Hanoï");
    expect(result.article.captions).toEqual([{ text: "Le ministre et son homologue japonais à Hanoï.", credit: "VNA" }]);
    expect(result.article.paragraphs.at(-1)).toBe(STORY[3]);
  });

  it("refuses a page with no article text clearly", async () => {
    const [result] = await parseFiles([
      { name: "empty.html", bytes: encode("<!doctype html><html><body><nav>Accueil</nav></body></html>") },
    ]);
    expect(result).toEqual({ ok: false, refusal: { code: "import.refused.unreadable", params: { format: "HTML" } } });
  });
});

describe("a Word file", () => {
  it("reads its paragraphs as the wire's lines", async () => {
    const [result] = await parseFiles([{ name: "ministere.docx", bytes: await docxFile(STORY) }]);
    if (!result?.ok) throw new Error(JSON.stringify(result));
    expect(result.article.title).toBe(STORY[0]);
    expect(result.article.dateline?.place).toBe("Hanoï");
    expect(result.article.paragraphs).toHaveLength(3);
  });

  it("refuses a damaged one, and leaves any other ZIP to the binary refusal", async () => {
    const bytes = await docxFile(STORY);
    const [damaged] = await parseFiles([{ name: "broken.docx", bytes: bytes.slice(0, bytes.length / 2) }]);
    expect(damaged).toEqual({ ok: false, refusal: { code: "import.refused.unreadable", params: { format: "Word" } } });
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...encode("photos/a.jpg")]);
    const [other] = await parseFiles([{ name: "photos.zip", bytes: zip }]);
    expect(other).toMatchObject({ ok: false, refusal: { code: "import.refused.binary" } });
  });

  it("refuses a zip bomb renamed .docx (a few hundred KB that inflate to 120 MB) before mammoth unpacks it", async () => {
    const bomb = zipSync({ "word/document.xml": new Uint8Array(120 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const [result] = await parseFiles([{ name: "communique.docx", bytes: bomb }]);
    expect(result).toEqual({ ok: false, refusal: { code: "import.refused.unpacksTooLarge", params: { limit: 50 } } });
  });

  it("refuses a .docx of thousands of tiny parts", async () => {
    const parts = Object.fromEntries(Array.from({ length: 2_500 }, (_, index) => [`word/part${index}.xml`, new Uint8Array(1)]));
    const [result] = await parseFiles([{ name: "parts.docx", bytes: zipSync({ "word/document.xml": new Uint8Array(1), ...parts }) }]);
    expect(result).toMatchObject({ ok: false, refusal: { code: "import.refused.unpacksTooLarge" } });
  });
});

describe("an e-mail", () => {
  it("is one item for its body and one for each attachment, each read by its own reader", async () => {
    const mail: InputFile = {
      name: "depeche.eml",
      bytes: await mailWith([
        { filename: "communique.docx", content: await docxFile(STORY) },
        { filename: "page.html", content: PAGE },
        { filename: "note.txt", content: STORY.join("\n") },
      ]),
    };
    const split = await splitInput(mail);
    if (!split.ok) throw new Error(split.refusal.code);
    expect(split.items.map((item) => item.name)).toEqual([
      "depeche.eml (Dépêche du jour)",
      "depeche.eml › communique.docx",
      "depeche.eml › page.html",
      "depeche.eml › note.txt",
    ]);
    const results = await parseFiles(split.items);
    expect(results.map((result) => result.ok && result.article.title)).toEqual([STORY[0], STORY[0], STORY[0], STORY[0]]);
  });

  it("refuses an attachment it cannot read on its own row, and a mail with nothing in it", async () => {
    const split = await splitInput({
      name: "m.eml",
      bytes: await mailWith([{ filename: "scan.pdf", content: encode("%PDF-1.7\n%âãÏÓ\n") }]),
    });
    if (!split.ok) throw new Error(split.refusal.code);
    const [body, pdf] = await parseFiles(split.items);
    expect(body?.ok).toBe(true);
    expect(pdf).toMatchObject({ ok: false, refusal: { code: "import.refused.binary", params: { format: "PDF" } } });
    const empty = await splitInput({ name: "e.eml", bytes: await mailWith([], "") });
    expect(empty).toEqual({ ok: false, refusal: { code: "import.refused.emptyMail" } });
  });

  it("passes plain text through untouched", async () => {
    const bytes = encode(STORY.join("\n"));
    const read = await wireBytesOf({ name: "s.txt", bytes });
    expect(read.ok && read.bytes).toBe(bytes);
  });
});

describe("in a parse worker", () => {
  it("loads each reader on the first file that needs it and reads as in this thread", async () => {
    const pool = createParsePool(1);
    try {
      const files = [
        { name: "story.txt", bytes: encode(STORY.join("\n")) },
        { name: "page.html", bytes: encode(PAGE) },
        { name: "communique.docx", bytes: await docxFile(STORY) },
        { name: "depeche.eml", bytes: await mailWith([]) },
      ];
      const results = await pool.parse(files);
      expect(results.every((result) => result.ok)).toBe(true);
      expect(results).toEqual(await parseFiles(files));
    } finally {
      await pool.close();
    }
  }, 60_000);
});
