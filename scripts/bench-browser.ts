import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { middle } from './bench-measure';

/**
 * Browser mode as a user meets it: the built server (`out/main/serve.js`) with the large file open,
 * and Debian's Chromium loading the address afresh each run (a new context: nothing cached). Returns
 * the median time from navigation to the first school row painted, and from a keystroke in Search
 * to the match count changing.
 */
export async function measureBrowser(home: string, file: string, runs: number) {
  const server = spawn(process.execPath, [join(process.cwd(), 'out/main/serve.js')], {
    env: { ...process.env, SID_HOME: home },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let seen = '';
      server.stdout.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        const match = /running at (\S+)/.exec(seen);
        if (match?.[1]) resolve(match[1]);
      });
      server.on('exit', (code) => reject(new Error(`The server exited with ${code}: ${seen}`)));
    });
    const token = /token=([0-9a-f]+)/.exec(url)![1]!;
    const opened = await fetch(new URL('/api/app.open', url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-SID-Token': token },
      body: JSON.stringify({ path: file }),
    });
    if (!((await opened.json()) as { ok: boolean }).ok) throw new Error(`The server could not open ${file}`);

    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    try {
      const firstRow: number[] = [];
      const keystrokes: number[] = [];
      for (let run = 0; run < runs; run++) {
        const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, locale: 'en-GB' });
        const page = await context.newPage();
        // Measured inside the page from the start of navigation, so Playwright's own round trips do
        // not count; and by a few lines the page runs before its own script, which tell the time by
        // the console, rather than by waitForFunction: that loads Playwright's own script (hundreds
        // of KB) into the page as it starts, and in a Chromium trace its evaluation held the page's
        // thread for 35 ms just as the app's first script arrived. The same build measured 357 ms by
        // polling and 282 ms so (medians of 10, alternated in one browser).
        await page.addInitScript({ content: WATCH_FIRST_ROW });
        const seen = page.waitForEvent('console', {
          predicate: (message) => message.text().startsWith(FIRST_ROW),
          timeout: 30_000,
        });
        await page.goto(url, { waitUntil: 'commit' });
        firstRow.push(Number((await seen).text().slice(FIRST_ROW.length)));
        for (const text of ['s', 'st', 'st m', 'st ma', 'st mar', 'st mary', 'st marys', '']) {
          const took = await keystroke(page, text);
          if (took !== null) keystrokes.push(took);
        }
        await context.close();
      }
      return {
        firstRow: middle(firstRow),
        keystroke: middle(keystrokes),
        worstKeystroke: Math.max(...keystrokes),
      };
    } finally {
      await browser.close();
    }
  } finally {
    server.kill();
  }
}

const FIRST_ROW = 'first-row ';
/** Looks for a school row at every frame from before the app's first script, as polling by 'raf' did. */
const WATCH_FIRST_ROW = `const look = () => {
  if (document.querySelector('tbody td a')) console.log(${JSON.stringify(FIRST_ROW)} + performance.now());
  else requestAnimationFrame(look);
};
requestAnimationFrame(look);`;

/** The few browser globals the in-page code uses: the bench is type-checked as Node code. */
interface InPage {
  document: { querySelector(selector: string): { dispatchEvent(event: Event): boolean } | null };
  MutationObserver: new (seen: () => void) => {
    observe(target: object, options: object): void;
    disconnect(): void;
  };
  HTMLInputElement: { prototype: object };
}

/**
 * Types into Search as React sees typing, and times it until the list's rows have changed; null when
 * the keystroke changed nothing shown, so there was nothing to time.
 */
function keystroke(page: Page, text: string): Promise<number | null> {
  return page.evaluate(
    (value) =>
      new Promise<number | null>((resolve) => {
        const { document, MutationObserver, HTMLInputElement } = globalThis as unknown as InPage;
        const input = document.querySelector('input[placeholder="Name or DfE number"]')!;
        const start = performance.now();
        const watch = new MutationObserver(() => {
          watch.disconnect();
          resolve(performance.now() - start);
        });
        watch.observe(document.querySelector('tbody')!, {
          subtree: true,
          childList: true,
          characterData: true,
        });
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        setTimeout(() => {
          watch.disconnect();
          resolve(null);
        }, 500);
      }),
    text,
  );
}
