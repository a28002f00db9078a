/**
 * The screenshot gallery: specs photograph each state of the product in light and dark, in the
 * language the page speaks, into test-results/gallery/<suite>/, each picture with a small JSON
 * note beside it. After each Playwright run, index.html is written anew from every note there, so
 * the desktop run and the browser-page run (two configs, run one after the other, each emptying
 * only its own output folder) end up in one page a reviewer can scroll through.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';

export const GALLERY_DIR = resolve(import.meta.dirname, '..', '..', 'test-results', 'gallery');

export type GallerySuite = 'desktop' | 'pages';
const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

interface Shot {
  readonly suite: GallerySuite;
  /** The state shown, e.g. "Code window: wrong code". */
  readonly state: string;
  readonly language: string;
  readonly theme: Theme;
  readonly file: string;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Empties one suite's part of the gallery, at the start of the run that fills it. */
export function resetGallery(suite: GallerySuite): void {
  rmSync(join(GALLERY_DIR, suite), { recursive: true, force: true });
  mkdirSync(join(GALLERY_DIR, suite), { recursive: true });
}

/** Photographs the page as it is now, light and dark, and leaves the page in the light theme. */
export async function snap(page: Page, suite: GallerySuite, state: string, options: { readonly fullPage?: boolean } = {}): Promise<void> {
  const language = await page.evaluate(() => document.documentElement.lang || 'en');
  const dir = join(GALLERY_DIR, suite);
  mkdirSync(dir, { recursive: true });
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    const file = `${slug(state)}.${language}.${theme}.png`;
    await page.screenshot({ path: join(dir, file), fullPage: options.fullPage ?? true, animations: 'disabled', caret: 'hide' });
    const shot: Shot = { suite, state, language, theme, file: `${suite}/${file}` };
    writeFileSync(join(dir, `${slug(state)}.${language}.${theme}.json`), JSON.stringify(shot));
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

function readShots(): readonly Shot[] {
  const shots: Shot[] = [];
  for (const suite of ['desktop', 'pages'] as const) {
    let files: string[] = [];
    try {
      files = readdirSync(join(GALLERY_DIR, suite));
    } catch {
      continue;
    }
    for (const file of files.filter((f) => f.endsWith('.json')).sort()) {
      shots.push(JSON.parse(readFileSync(join(GALLERY_DIR, suite, file), 'utf8')) as Shot);
    }
  }
  return shots;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** Writes test-results/gallery/index.html from every picture there; returns how many it shows. */
export function writeGalleryIndex(): number {
  const shots = readShots();
  const languages = [...new Set(shots.map((s) => s.language))].sort();
  const sections = (['desktop', 'pages'] as const).map((suite) => {
    const states = [...new Set(shots.filter((s) => s.suite === suite).map((s) => s.state))];
    const rows = states.map((state) => {
      const cells = languages.flatMap((language) =>
        THEMES.map((theme) => {
          const shot = shots.find((s) => s.suite === suite && s.state === state && s.language === language && s.theme === theme);
          return shot === undefined
            ? '<td class="none">–</td>'
            : `<td><a href="${escape(shot.file)}"><img loading="lazy" src="${escape(shot.file)}" alt="${escape(`${state}, ${language}, ${theme}`)}"></a></td>`;
        }),
      );
      return `<tr><th scope="row">${escape(state)}</th>${cells.join('')}</tr>`;
    });
    const head = languages.flatMap((language) => THEMES.map((theme) => `<th scope="col">${escape(language)} · ${theme}</th>`)).join('');
    const title = suite === 'desktop' ? 'Desktop app' : 'Browser pages';
    return `<section><h2>${title} (${states.length} states)</h2><table><thead><tr><th></th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
  });
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Stepgate – every state</title>
<style>
body { font: 14px system-ui, sans-serif; margin: 1.5rem; background: #eef0f3; color: #1b1d22; }
table { border-collapse: collapse; }
th, td { border: 1px solid #c9ced8; padding: 0.4rem; vertical-align: top; background: #fff; }
th[scope=row] { max-width: 12rem; text-align: left; }
img { width: 220px; display: block; }
td.none { color: #888; text-align: center; }
</style></head><body>
<h1>Stepgate – every state</h1>
<p>${shots.length} screenshots, written by the end-to-end specs (desktop) and the browser-page specs. Click one for full size.</p>
${sections.join('\n')}
</body></html>
`;
  mkdirSync(GALLERY_DIR, { recursive: true });
  writeFileSync(join(GALLERY_DIR, 'index.html'), html);
  return shots.length;
}
