// Link lines and page chrome by shape, on shapes none of the corpus files has.
import { describe, expect, it } from "vitest";
import { ChangeLog } from "./change-log";
import { isNavigationBar, removePageChrome } from "./chrome";
import { linkedHeadline, removeLinkLines } from "./links";

describe("link lines", () => {
  it("reads a headline after an arrow or a link word, in any of the desk's languages", () => {
    expect(linkedHeadline("► Le Laos et le Vietnam inaugurent un pont")).toBe("Le Laos et le Vietnam inaugurent un pont");
    expect(linkedHeadline("See also – Hue citadel reopens after repairs")).toBe("Hue citadel reopens after repairs");
    expect(linkedHeadline("Đọc thêm: Hà Nội mở rộng phố đi bộ")).toBe("Hà Nội mở rộng phố đi bộ");
  });

  it("leaves sentences, quotes and markers without a headline alone", () => {
    expect(linkedHeadline("» Nous voulons la paix. Le peuple le veut aussi », a-t-il dit.")).toBeNull();
    expect(linkedHeadline("Related")).toBeNull();
    expect(linkedHeadline("Readers of the report said more work was needed.")).toBeNull();
  });

  it("removes each link line as its own change, which undoes alone", () => {
    const blocks = ["First paragraph of the story.", "→ Another story", "Second paragraph.", "READ MORE: A third story"];
    const log = new ChangeLog();
    expect(removeLinkLines(blocks, log).blocks).toEqual(["First paragraph of the story.", "Second paragraph."]);
    const undoOne = new ChangeLog(new Set([log.applied[0]?.id ?? ""]));
    expect(removeLinkLines(blocks, undoOne).blocks).toEqual(["First paragraph of the story.", "→ Another story", "Second paragraph."]);
  });
});

describe("page chrome", () => {
  it("knows a menu by its separated short items, not a headline with a bar", () => {
    expect(isNavigationBar("News · World · Economy · Sport · Video")).toBe(true);
    expect(isNavigationBar("Trang chủ › Thời sự › Chính trị › Đối ngoại")).toBe(true);
    expect(isNavigationBar("Vietnam | Laos sign border deal")).toBe(false);
    expect(isNavigationBar("Exports rise in the first quarter of the year")).toBe(false);
  });

  it("removes a footer and keyword line of another shape, keeping a story that mentions a phone", () => {
    const story = ["The hotline received 300 calls, its operator said.", "Callers can dial 1022 at any time."];
    const footer = ["Daily Mekong", "Chief editor: A. Writer · Licence 12/GP", "Contact: desk@mekong.example", "© Daily Mekong"];
    const log = new ChangeLog();
    expect(removePageChrome([...story, ...footer], log).blocks).toEqual(story);
    expect(log.applied).toEqual([expect.objectContaining({ kind: "page-chrome-removed", before: footer.join("\n") })]);
    expect(removePageChrome([...story, "Keywords: hotline, calls", "Back to top"], new ChangeLog()).blocks).toEqual(story);
    expect(removePageChrome(story, new ChangeLog()).blocks).toEqual(story);
  });
});
