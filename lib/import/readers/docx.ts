// Word files (.docx, what ministries send): mammoth reads the document's paragraphs as they are
// written, one line each; styles, comments and images are left behind.
import mammoth from "mammoth";

/** The wire text of a .docx, or null when it is not a Word document mammoth can read. */
export async function readDocx(bytes: Uint8Array): Promise<string | null> {
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    const text = value.replace(/\n{2,}/g, "\n\n").trim();
    return text ? `${text}\n` : null;
  } catch {
    return null;
  }
}
