import { describe, expect, it } from "vitest";
import { detectLanguage, francTop } from "./language";

describe("detectLanguage", () => {
  it("recognises French, English and Vietnamese wire copy", () => {
    expect(
      detectLanguage(
        "Le ministre des Affaires étrangères a organisé jeudi soir à Hanoï une conférence virtuelle pour accélérer la diplomatie économique.",
      ),
    ).toBe("fr");
    expect(
      detectLanguage(
        "The pioneering role of the diplomatic sector will be carried forward in building and maintaining an environment of peace and stability.",
      ),
    ).toBe("en");
    expect(
      detectLanguage("Bộ trưởng Ngoại giao Bùi Thanh Sơn đã có cuộc hội đàm với người đồng cấp Hàn Quốc tại Hà Nội về hợp tác kinh tế."),
    ).toBe("vi");
  });

  it('answers "und" for text too short to tell or in another language', () => {
    expect(detectLanguage("Photo: VNA")).toBe("und");
    expect(
      detectLanguage("Der Außenminister hat am Donnerstag in Berlin eine Konferenz über wirtschaftliche Zusammenarbeit eröffnet."),
    ).toBe("und");
  });
});

describe("francTop", () => {
  it("answers exactly what franc-min's franc() answers", async () => {
    const { franc } = await import("franc-min");
    const { readdirSync, readFileSync } = await import("node:fs");
    const path = await import("node:path");
    const files = [
      path.join(import.meta.dirname, "..", "..", "seed", "sample-articles"),
      path.join(import.meta.dirname, "fixtures"),
    ].flatMap((dir) => readdirSync(dir).map((name) => readFileSync(path.join(dir, name), "utf8")));
    const others = [
      "Der Außenminister hat am Donnerstag in Berlin eine Konferenz über wirtschaftliche Zusammenarbeit eröffnet.",
      "El ministro de Asuntos Exteriores inauguró el jueves en Madrid una conferencia sobre cooperación económica.",
      "Il ministro degli Esteri ha aperto giovedì a Roma una conferenza sulla cooperazione economica tra i due paesi.",
      "Министр иностранных дел открыл в четверг в Москве конференцию по экономическому сотрудничеству.",
      "وزير الخارجية افتتح يوم الخميس مؤتمرا حول التعاون الاقتصادي بين البلدين في العاصمة",
      "外交部长周四在北京主持召开经济外交会议，强调加强两国经济合作与贸易往来的重要性。",
      "Bộ trưởng Ngoại giao Bùi Thanh Sơn đã có cuộc hội đàm với người đồng cấp Hàn Quốc tại Hà Nội.",
      "2024 2025 2026 ./. 12,5 % – 3,000 – (VNA) 1234567890 1234567890 1234567890",
      "",
      "   ",
      "aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa",
      // Characters beyond the first 65,536 (counted as surrogate pairs, as franc counts them).
      "𠀀𠀁𠀂 外交部长周四在北京主持召开经济外交会议 𠀃𠀄 😀 The minister met his counterpart in Hanoi on Monday.",
    ];
    // Random cuts and mixes of the samples: long, short, around the 2,048-character sample franc reads.
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const cuts = Array.from({ length: 300 }, () => {
      const source = files[Math.floor(random() * files.length)]!;
      const start = Math.floor(random() * source.length);
      const piece = source.slice(start, start + Math.floor(random() * 3000));
      return random() < 0.3 ? `${piece} ${others[Math.floor(random() * others.length)]}` : piece;
    });
    for (const text of [...files, ...others, ...cuts]) expect(francTop(text, 40), text.slice(0, 60)).toBe(franc(text, { minLength: 40 }));
  });
});
