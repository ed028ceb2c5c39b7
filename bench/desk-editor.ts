// How soon the article editor takes typing (issue 17): real Chromium, signed in as an editor, timed
// to a typed word showing in the editor's body, two ways. Loaded: each draft a new tab's full page
// load (the first fills the browser's cache and is not counted). From the list: as a desk works,
// the draft list loaded once, then each draft opened by its link (Next's client-side navigation)
// and the list reached again with Back; the first opening loads the editor's code and is not counted.
import { writeFileSync } from "node:fs";
import { chromium, type BrowserContext } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "@/scripts/lib/chromium";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]!);
}

export async function measureEditorInteractive(baseUrl: string, cookie: string, versionIds: string[]) {
  const [name, value] = [cookie.slice(0, cookie.indexOf("=")), cookie.slice(cookie.indexOf("=") + 1)];
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await context.addCookies([{ name, value, url: baseUrl, httpOnly: true, sameSite: "Lax" }]);
    // When the body became editable, seen from inside the page (before the click and the typing).
    await context.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector('#article-body[contenteditable="true"]')) return;
        (window as unknown as { editableAt: number }).editableAt = performance.now();
        observer.disconnect();
      });
      observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["contenteditable"] });
    });
    const timings: number[] = [];
    // Where the time goes: the server's answer (first byte), the page's scripts run (DOMContentLoaded).
    const firstByte: number[] = [];
    const lastByte: number[] = [];
    const scriptsRun: number[] = [];
    const editable: number[] = [];
    let pageSize = { htmlBytes: 0, domNodes: 0 };
    for (const [n, versionId] of versionIds.entries()) {
      // A fresh tab each time (the cache is the context's): leaving a page with typed text would ask first.
      const page = await context.newPage();
      const marker = `bench${n}`;
      // BENCH_EDITOR_PROFILE=<file.cpuprofile>: the last load's main-thread CPU profile, for DevTools.
      const profiler = process.env.BENCH_EDITOR_PROFILE && n === versionIds.length - 1 ? await context.newCDPSession(page) : null;
      if (profiler) {
        await profiler.send("Profiler.enable");
        await profiler.send("Profiler.setSamplingInterval", { interval: 200 });
        await profiler.send("Profiler.start");
      }
      // BENCH_EDITOR_TRACE=<file.json>: the last load's Chromium trace (parse, script, layout), for DevTools.
      const tracing = process.env.BENCH_EDITOR_TRACE && n === versionIds.length - 1;
      if (tracing) await browser.startTracing(page, { path: process.env.BENCH_EDITOR_TRACE, screenshots: false });
      const started = performance.now();
      await page.goto(`${baseUrl}/admin/articles/${versionId}`, { waitUntil: "commit" });
      const body = page.locator('#article-body[contenteditable="true"]');
      await body.click({ timeout: 30_000 });
      await page.keyboard.type(marker);
      await page.locator("#article-body", { hasText: marker }).waitFor({ timeout: 30_000 });
      const elapsed = performance.now() - started;
      if (tracing) await browser.stopTracing();
      if (profiler) writeFileSync(process.env.BENCH_EDITOR_PROFILE!, JSON.stringify((await profiler.send("Profiler.stop")).profile));
      const navigation = await page.evaluate(() => {
        const [entry] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
        const editableAt = (window as unknown as { editableAt?: number }).editableAt ?? 0;
        return {
          responseStart: entry?.responseStart ?? 0,
          responseEnd: entry?.responseEnd ?? 0,
          domContentLoaded: entry?.domContentLoadedEventEnd ?? 0,
          editableAt,
          htmlBytes: entry?.decodedBodySize ?? 0,
          domNodes: document.getElementsByTagName("*").length,
        };
      });
      if (n > 0) {
        timings.push(elapsed);
        firstByte.push(navigation.responseStart);
        lastByte.push(navigation.responseEnd);
        scriptsRun.push(navigation.domContentLoaded);
        editable.push(navigation.editableAt);
        pageSize = { htmlBytes: navigation.htmlBytes, domNodes: navigation.domNodes };
      }
      await page.close();
    }
    const fromList = await measureFromList(context, baseUrl);
    return {
      fromList,
      loads: timings.length,
      medianMs: median(timings),
      maxMs: Math.round(Math.max(...timings)),
      firstByteMedianMs: median(firstByte),
      // The whole page streamed: the server's panels and data finish after its first byte.
      lastByteMedianMs: median(lastByte),
      domContentLoadedMedianMs: median(scriptsRun),
      editableMedianMs: median(editable),
      ...pageSize,
      firstLoadExcluded: true,
    };
  } finally {
    await browser.close();
  }
}

async function measureFromList(context: BrowserContext, baseUrl: string, opened = 8) {
  const page = await context.newPage();
  // Leaving the editor with the typed word unsaved asks first: the desk's editor says yes.
  page.on("dialog", (dialog) => void dialog.accept());
  await page.goto(`${baseUrl}/admin/articles?status=DRAFT&language=fr`);
  const hrefs = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLAnchorElement>("main a[href]")]
      .map((anchor) => anchor.getAttribute("href")!)
      .filter((href) => /^\/admin\/articles\/[^/?#]+$/.test(href)),
  );
  const typed: number[] = [];
  const editable: number[] = [];
  for (const [n, href] of [...new Set(hrefs)].slice(0, opened).entries()) {
    const started = performance.now();
    await page.locator(`main a[href="${href}"]`).first().click();
    const body = page.locator('#article-body[contenteditable="true"]');
    await body.waitFor({ timeout: 30_000 });
    const editableMs = performance.now() - started;
    await body.click();
    await page.keyboard.type(`list${n}`);
    await page.locator("#article-body", { hasText: `list${n}` }).waitFor({ timeout: 30_000 });
    if (n > 0) {
      typed.push(performance.now() - started);
      editable.push(editableMs);
    }
    await page.goBack();
    await page.locator(`main a[href="${href}"]`).first().waitFor({ timeout: 30_000 });
  }
  await page.close();
  return {
    opened: typed.length,
    typedMedianMs: median(typed),
    typedMaxMs: Math.round(Math.max(...typed)),
    editableMedianMs: median(editable),
  };
}
