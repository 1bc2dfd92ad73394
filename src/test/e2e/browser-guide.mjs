// End-to-end check of Neo4j Browser on the embedded server, in headless Debian chromium:
// Browser connects by itself, the post-connect command applies our GraSS and opens our guide, a guide query
// runs, and the graph visualisation shows our nodes with our captions and label colours.
//
// Then every Cypher notebook given is pasted into Browser's editor and run there: all its statements
// (:param lines included) must succeed, as they do for a reader who pastes or drags the file in.
//
// usage: node browser-guide.mjs <browser url> <screenshot.png> [notebook.cypher ...]
// Run by BrowserEndToEndTests (JUnit), which passes the URL of the test's embedded Neo4j.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const [browserUrl, screenshot, ...notebooks] = process.argv.slice(2);
if (!browserUrl || !screenshot) {
  console.error('usage: node browser-guide.mjs <browser url> <screenshot.png> [notebook.cypher ...]');
  process.exit(2);
}

// What the guide's "What sits where" query must show: Chinese and English name in one caption, per the GraSS.
// Browser wraps a caption over lines inside the circle and cuts long ones with "…", so expect names short
// enough to show whole: Chinese and English name together prove the caption template of our style.
const EXPECTED_CAPTIONS = ['深度求索 DeepSeek', '智谱 Zhipu AI', '华为 Huawei', '海淀区 Haidian District', '月之暗面'];
// node.Company colour in style.grass: proves the style was applied, not Browser's default palette.
const COMPANY_COLOUR = '#4c8eda';

const profile = mkdtempSync(join(tmpdir(), 'haidian-chromium-'));
// A fresh profile (--user-data-dir) every run: no Browser settings or history left from an earlier run.
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1600, height: 1100 },
  deviceScaleFactor: 2,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
// No internet: every request that would leave this machine is refused, as on an offline laptop. (Browser's page
// asks for web fonts, an analytics script and a feedback widget; it works without them.)
const external = [];
await browser.route('**/*', (route) => {
  const url = new URL(route.request().url());
  if (['127.0.0.1', 'localhost'].includes(url.hostname) || url.protocol === 'data:') {
    return route.continue();
  }
  external.push(url.origin);
  return route.abort('internetdisconnected');
});
const page = browser.pages()[0] ?? await browser.newPage();
let failure = null;
try {
  await page.goto(browserUrl, { waitUntil: 'domcontentloaded' });

  // 1. Connected without a login, and the post-connect command opened our guide.
  const guideTitle = page.getByText("Haidian's AI cluster and its links with Hangzhou").first();
  await guideTitle.waitFor({ timeout: 60_000 });
  console.log('guide opened after connect');

  // 2. Go to the slide "What sits where in Haidian" and run its graph query with the query's play icon.
  const slideTitle = page.getByText('What sits where in Haidian').first();
  for (let i = 0; i < 5 && !(await slideTitle.isVisible()); i++) {
    await page.locator('[data-testid="nextSlide"], button:has-text("Next"), .fa-chevron-right, [aria-label*="next" i]')
      .first().click();
  }
  await slideTitle.waitFor({ state: 'visible', timeout: 10_000 });
  const query = page.locator('pre.runnable', { hasText: 'MATCH p = (tenant:Entity)' }).first();
  await query.locator('i.fa-play-circle-o').click();
  console.log('guide query started');

  // 3. The graph visualisation shows our nodes, captioned with Chinese and English names, in our colours.
  const svg = page.locator('svg.neod3viz, [data-testid="graphCanvas"] svg, svg').filter({ has: page.locator('g.node') }).last();
  await svg.waitFor({ timeout: 30_000 });
  const shown = () => page.$$eval('g.node', (groups) => groups.map((g) => [...g.querySelectorAll('text')]
    .map((t) => t.textContent.trim()).join(' ')));
  try {
    await page.waitForFunction((captions) => {
      const shownNow = [...document.querySelectorAll('g.node')].map((g) => [...g.querySelectorAll('text')]
        .map((t) => t.textContent.trim()).join(' '));
      return captions.every((c) => shownNow.some((caption) => caption.includes(c)));
    }, EXPECTED_CAPTIONS, { timeout: 30_000 });
  } catch (error) {
    throw new Error(`captions ${EXPECTED_CAPTIONS} not all shown; node captions: ${JSON.stringify(await shown())}`);
  }
  console.log(`captions: ${(await shown()).slice(0, 8).join(' | ')} ...`);
  const fills = await page.$$eval('g.node circle', (circles) => circles.map((c) => (c.getAttribute('fill') || '').toLowerCase()));
  if (!fills.includes(COMPANY_COLOUR)) {
    throw new Error(`no node has the Company colour ${COMPANY_COLOUR} of our style; fills: ${[...new Set(fills)]}`);
  }
  const nodes = await page.locator('g.node').count();
  console.log(`graph shows ${nodes} nodes with our captions and colours`);
  // Let the force layout settle, then keep a close-up of the graph beside the whole page.
  await page.waitForTimeout(1500);
  await svg.screenshot({ path: screenshot.replace(/\.png$/, '-graph.png') });
  await page.screenshot({ path: screenshot });

  // 4. Each notebook runs in Browser's multi-statement editor, every statement with status success.
  for (const file of notebooks) {
    const text = readFileSync(file, 'utf8');
    const statements = text.split('\n').filter((l) => !l.trim().startsWith('//') && l.trim().endsWith(';')).length;
    await page.locator('.monaco-editor').first().click();
    await page.keyboard.insertText(text);
    await page.keyboard.press('Control+Enter');
    const statuses = () => page.$$eval('[data-testid="frame"]', (frames) => [...frames[0]
      .querySelectorAll('[data-testid="multi-statement-list-icon"]')].map((icon) => icon.getAttribute('title') || ''));
    try {
      await page.waitForFunction((n) => {
        const frame = document.querySelector('[data-testid="frame"]');
        const icons = [...frame.querySelectorAll('[data-testid="multi-statement-list-icon"]')];
        return icons.length === n && icons.every((i) => /success|error/i.test(i.getAttribute('title') || ''));
      }, statements, { timeout: 30_000 });
    } catch (error) {
      throw new Error(`${basename(file)}: expected ${statements} statements to finish in Browser, saw ${JSON.stringify(await statuses())}`);
    }
    const failed = (await statuses()).filter((t) => !/success/i.test(t));
    if (failed.length > 0) {
      throw new Error(`${basename(file)}: ${failed.length} statements failed in Browser`);
    }
    console.log(`${basename(file)}: ${statements} statements ran in Browser`);
  }
} catch (error) {
  failure = error;
} finally {
  await page.screenshot({ path: failure ? screenshot : screenshot.replace(/\.png$/, '-notebooks.png') }).catch(() => {});
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
if (external.length > 0) {
  console.log(`refused (no internet): ${[...new Set(external)].join(' ')}`);
}
if (failure) {
  console.error(`FAILED: ${failure.message}`);
  process.exit(1);
}
console.log(`ok, screenshot ${screenshot}`);
