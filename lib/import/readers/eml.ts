// E-mails (.eml): mailparser reads the MIME message; its text body and each attachment that is
// attachment become items of their own, named after the mail.
import { simpleParser } from "mailparser";

export type MailItem = { name: string; bytes: Uint8Array };

/**
 * The body (as text) and every attachment of a mail, null when it is no mail at all. An attachment
 * of a kind the import cannot read (a PDF) is an item too, so its row says why it was refused
 * instead of vanishing; images shown inside the body (a signature's logo) are not attachments.
 */
export async function readEml(bytes: Uint8Array, mailName: string): Promise<MailItem[] | null> {
  const mail = await simpleParser(Buffer.from(bytes), { skipImageLinks: true, skipTextToHtml: true });
  if (!mail.headers.size) return null;
  const items: MailItem[] = [];
  const body = mail.text?.trim();
  if (body) items.push({ name: `${mailName} (${mail.subject ?? "body"})`, bytes: new TextEncoder().encode(`${body}\n`) });
  else if (typeof mail.html === "string")
    items.push({ name: `${mailName} (${mail.subject ?? "body"}).html`, bytes: new TextEncoder().encode(mail.html) });
  for (const [index, attachment] of mail.attachments.entries()) {
    if (attachment.related) continue;
    const name = attachment.filename ?? `attachment-${index + 1}`;
    items.push({ name: `${mailName} › ${name}`, bytes: new Uint8Array(attachment.content) });
  }
  return items;
}
