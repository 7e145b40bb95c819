import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { builtPages } from './built-pages.ts';
import { editorReady, openWithCode, playground, PLAYGROUND_PAGE } from './playground-helpers.ts';

/*
 * What the editor tells a learner about their code is true: untouched code on every page, starter
 * and solution, carries no error mark, a real mistake is marked on its line and named, and hovers
 * and completion show the types the code really has, in both themes, on a phone, and after
 * Reset, Share and a reload. Every check reads the screen: the problems line under the editor,
 * the squiggles, the hover and suggest widgets.
 */

// Every test opens its own page: let both workers share the file.
test.describe.configure({ mode: 'parallel' });

const NO_PROBLEMS = 'No problems found by TypeScript.';
/** A mistake TypeScript must catch; a correctly spelled neighbour proves the types are loaded. */
const MISTAKE = 'tokenLab.clientid;';
const mistakeOnLine = (line: number) => new RegExp(`^TypeScript found 1 problem\\. Line ${line}: Property 'clientid' does not exist on type 'TokenLab'\\. Did you mean 'clientId'\\? F8 in the editor goes to the next one\\.$`);

/** Today: six lesson playgrounds, seven lab exercises, the facilitator guide's check, two on the reference page. */
const AT_LEAST_EDITORS = 16;
const AT_LEAST_EXERCISES = 7;

/** Pages of the build that hold editors, read from dist/ so a new playground is tested without a list to update. */
const EDITOR_PAGES = builtPages()
  .map((path) => {
    const html = readFileSync(`dist${path.endsWith('/') ? `${path}index.html` : path}`, 'utf8');
    const count = (tag: string) => html.split(`<${tag}`).length - 1;
    return { path, editors: count('token-lab-playground'), exercises: count('token-lab-exercise') };
  })
  .filter((page) => page.editors > 0);

/** A word of the code to hover, on the first line that also holds `onLine`, and what its hover must read. */
interface Hover {
  word: string;
  onLine?: string;
  shows: RegExp;
}

function problems(region: Locator): Locator {
  return region.locator('[data-problems]');
}

/** The line numbers, as the gutter shows them, of every error squiggle rendered in the editor. */
function squiggleLines(region: Locator): Promise<string[]> {
  return region.locator('.monaco-editor').evaluate((editor) => {
    const numbers = [...editor.querySelectorAll('.line-numbers')];
    return [...editor.querySelectorAll('.squiggly-error')].map((squiggle) => {
      const box = squiggle.getBoundingClientRect();
      const middle = box.top + box.height / 2;
      const gutter = numbers.find((number) => {
        const row = number.getBoundingClientRect();
        return row.top <= middle && middle < row.bottom;
      });
      return gutter?.textContent ?? `(no line number beside the squiggle at y=${Math.round(middle)})`;
    });
  });
}

/**
 * Where on screen a word of the code is (the middle of its middle letter), on the first line, top
 * down, that holds `onLine` as well. Monaco merges tokens of one colour into one span and keeps
 * its line elements in any order, so the word is found in the text of lines sorted by position.
 */
async function wordOnScreen(region: Locator, word: string, onLine = word): Promise<{ x: number; y: number }> {
  await region.locator('.monaco-editor').scrollIntoViewIfNeeded();
  const point = await region.locator('.monaco-editor .view-lines').evaluate(
    (lines, [wanted, context]) => {
      const ordered = [...lines.querySelectorAll('.view-line')].sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
      for (const line of ordered) {
        const text = (line.textContent ?? '').replaceAll('\u00a0', ' ');
        const found = new RegExp(`\\b${wanted}\\b`).exec(text);
        if (!found || !text.includes(context)) continue;
        let offset = found.index + Math.floor(wanted.length / 2);
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = node.textContent?.length ?? 0;
          if (offset < length) {
            const range = document.createRange();
            range.setStart(node, offset);
            range.setEnd(node, offset + 1);
            const box = range.getBoundingClientRect();
            const x = box.x + box.width / 2;
            const y = box.y + box.height / 2;
            // Hovering a word the editor has scrolled out of view would hover something else.
            const view = (lines.closest('.editor-scrollable') ?? lines).getBoundingClientRect();
            return { x, y, inView: view.left <= x && x < view.right && view.top <= y && y < view.bottom };
          }
          offset -= length;
        }
      }
      return null;
    },
    [word, onLine],
  );
  if (!point) throw new Error(`"${word}" is not on any line the editor shows${onLine === word ? '' : ` with "${onLine}"`}.`);
  if (!point.inView) throw new Error(`"${word}" is scrolled out of the editor's view; keep the test code's lines short.`);
  return point;
}

/** Moves the mouse onto the word and expects Monaco's hover to read what it should. */
async function expectHover(page: Page, region: Locator, { word, onLine, shows }: Hover): Promise<void> {
  const { x, y } = await wordOnScreen(region, word, onLine);
  await page.mouse.move(x, y);
  // Monaco draws hovers in a layer on <body>, above the page's columns.
  const hover = page.locator('.monaco-hover:visible');
  await expect(hover, `the hover over ${word}`).toHaveText(shows);
  await expectOnTop(hover);
  // Off the editor, so the next hover starts from nothing.
  await page.mouse.move(0, 0);
  await expect(hover).toHaveCount(0);
}

/** Nothing else on the page (the "On this page" sidebar, say) is painted over the widget's corners and middle. */
async function expectOnTop(widget: Locator): Promise<void> {
  const covered = await widget.evaluate((node) => {
    const box = node.getBoundingClientRect();
    const inset = 4;
    const points = [
      [box.left + inset, box.top + inset], [box.right - inset, box.top + inset],
      [box.left + box.width / 2, box.top + box.height / 2],
      [box.left + inset, box.bottom - inset], [box.right - inset, box.bottom - inset],
    ].filter(([x, y]) => x! >= 0 && y! >= 0 && x! < innerWidth && y! < innerHeight);
    return points.filter(([x, y]) => !node.contains(document.elementFromPoint(x!, y!))).map(([x, y]) => `${Math.round(x!)},${Math.round(y!)}: ${document.elementFromPoint(x!, y!)?.outerHTML.slice(0, 80)}`);
  });
  expect(covered, 'points of the widget that something else covers').toEqual([]);
}

/** Puts the cursor at the end of the code, as a reader clicking in and pressing Ctrl+End. */
async function toEndOfCode(page: Page, region: Locator): Promise<void> {
  await region.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
}

/** The highest line number the gutter shows. */
function lastShownLine(region: Locator): Promise<number> {
  return region.locator('.monaco-editor .line-numbers').evaluateAll((numbers) => Math.max(0, ...numbers.map((number) => Number(number.textContent))));
}

/** Pages through the code from the top: Monaco draws only the lines in view, so each screen is looked at. */
async function expectNoSquiggleOnAnyLine(page: Page, region: Locator, lines: number, what: string): Promise<void> {
  await region.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+Home');
  for (;;) {
    await expect(region.locator('.squiggly-error'), `${what}: error squiggles`).toHaveCount(0);
    const shown = await lastShownLine(region);
    if (shown >= lines) return;
    await page.keyboard.press('PageDown');
    await expect.poll(() => lastShownLine(region), `${what}: the editor scrolls on from line ${shown}`).toBeGreaterThan(shown);
  }
}

/**
 * The problems line reads clean; a mistake typed on a new last line is then the one problem
 * reported (so nothing else in the code is wrong, and the line is not an early "clean" from before
 * TypeScript looked); Ctrl+Z makes it clean again, and no line of the code carries a squiggle.
 */
async function expectCleanAndProveIt(page: Page, region: Locator, code: string, what: string): Promise<void> {
  await expect(problems(region), `${what}: the problems line`).toHaveText(NO_PROBLEMS);

  const lines = code.split('\n').length;
  const mistakeLine = lines + 1;
  await toEndOfCode(page, region);
  await page.keyboard.type(`\n${MISTAKE}`);
  await expect(problems(region), `${what}: a mistake on new line ${mistakeLine} is the only problem`).toHaveText(mistakeOnLine(mistakeLine));
  await expect.poll(() => squiggleLines(region), { message: `${what}: the squiggle sits on line ${mistakeLine}` }).toEqual([String(mistakeLine)]);

  await page.keyboard.press('Escape'); // the suggestions for `clientid`
  await page.keyboard.press('Control+z');
  await expect(problems(region), `${what}: after Ctrl+Z`).toHaveText(NO_PROBLEMS);
  await expectNoSquiggleOnAnyLine(page, region, lines, what);
}

/** The code as the page shipped it, from the JSON the components embed for the editor. */
async function embeddedCode(scope: Locator, selector: string): Promise<string> {
  return JSON.parse((await scope.locator(selector).textContent()) ?? '""') as string;
}

async function loadSolution(page: Page, exercise: Locator): Promise<void> {
  await exercise.getByRole('button', { name: 'Show the solution…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Show the solution?' });
  await dialog.getByRole('button', { name: 'Show it' }).click();
  await expect(dialog).toBeHidden();
  await exercise.getByRole('button', { name: 'Put the solution in the editor' }).click();
  await expect(exercise.getByText('The solution is in the editor.')).toBeVisible();
}

test.describe('every editor on the site shows no error once TypeScript is ready', () => {
  // Monaco loads and TypeScript checks every editor of a page, and a lab's solution too.
  test.describe.configure({ timeout: 240_000 });

  test(`the build has at least ${AT_LEAST_EDITORS} editors, ${AT_LEAST_EXERCISES} of them lab exercises`, () => {
    const sum = (key: 'editors' | 'exercises') => EDITOR_PAGES.reduce((total, page) => total + page[key], 0);
    expect(sum('editors'), EDITOR_PAGES.map((page) => `${page.path} ${page.editors}`).join(', ')).toBeGreaterThanOrEqual(AT_LEAST_EDITORS);
    expect(sum('exercises')).toBeGreaterThanOrEqual(AT_LEAST_EXERCISES);
  });

  for (const { path, editors, exercises } of EDITOR_PAGES) {
    const also = exercises > 0 ? ' and the solution loaded into it' : '';
    test(`${path}: the starter code${also} reads "No problems", with no squiggle`, async ({ page }) => {
      await page.goto(path);
      const hosts = page.locator('token-lab-playground');
      await expect(hosts).toHaveCount(editors);
      const titles = await page.locator('token-lab-playground h3').allTextContents();
      expect(titles).toHaveLength(editors);

      for (const title of titles) {
        await editorReady(page, title);
        const region = playground(page, title);
        await expectCleanAndProveIt(page, region, await embeddedCode(region, 'script[data-starter]'), `${title}, starter`);

        const exercise = page.locator('token-lab-exercise').filter({ has: region });
        if ((await exercise.count()) === 0) continue;
        await loadSolution(page, exercise);
        await expectCleanAndProveIt(page, region, await embeddedCode(exercise, 'script[data-solution-code]'), `${title}, solution`);
      }
      await expect(page.locator('token-lab-exercise')).toHaveCount(exercises);
    });
  }
});

const GET_TOKEN = 'Get a token';

test.describe('a real mistake gets exactly one mark, on its line, that names it', () => {
  test('a misspelled tokenLab property: the problems line, the squiggle and its hover', async ({ page }) => {
    await openWithCode(page, 'get-token', "// Line 1\nconst response = await fetch(tokenLab.tokenUrl);\nconsole.log(response.status, tokenLab.clientid);\n");
    await editorReady(page, GET_TOKEN);
    const region = playground(page, GET_TOKEN);

    await expect(problems(region)).toHaveText(/^TypeScript found 1 problem\. Line 3: Property 'clientid' does not exist on type 'TokenLab'\. Did you mean 'clientId'\?/);
    await expect.poll(() => squiggleLines(region)).toEqual(['3']);

    const squiggle = region.locator('.squiggly-error');
    const box = await squiggle.boundingBox();
    if (!box) throw new Error('The squiggle has no box on screen.');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect(page.locator('.monaco-hover:visible')).toContainText("Property 'clientid' does not exist");
  });

  test('fetch called with a number: one problem on its line naming RequestInfo | URL', async ({ page }) => {
    await openWithCode(page, 'get-token', "// fetch takes a URL\n\nawait fetch(1);\n");
    await editorReady(page, GET_TOKEN);
    const region = playground(page, GET_TOKEN);
    await expect(problems(region)).toHaveText(/^TypeScript found 1 problem\. Line 3: Argument of type 'number' is not assignable to parameter of type 'RequestInfo \| URL'\./);
    await expect.poll(() => squiggleLines(region)).toEqual(['3']);
  });
});

/**
 * Learner code with known positions: no indentation, so typing it in gets no auto-indent, and
 * lines short enough that every word hovered is in view on a phone.
 */
const TYPED_CODE = [
  "import { decodeJwt } from 'jose';",
  '',
  'const response = await fetch(tokenLab.tokenUrl);',
  'const secret = tokenLab.clientSecret;',
  'const claims = decodeJwt(secret);',
  'console.log(response.status, claims);',
  '',
].join('\n');

const HOVERS: Hover[] = [
  { word: 'fetch', shows: /^function fetch\(input: RequestInfo \| URL, init\?: RequestInit\): Promise<Response>/ },
  { word: 'response', shows: /^const response: Response(?! ?[|[&<])/ },
  { word: 'clientSecret', shows: /^\(property\) TokenLab\.clientSecret: string(?! ?[|[&<])/ },
  { word: 'claims', onLine: 'const claims', shows: /^const claims: JWTPayload(?! ?[|[&<])/ },
  // The call, not the import; jose's own documentation comes with it.
  { word: 'decodeJwt', onLine: 'const claims', shows: /^\(alias\) decodeJwt<.*>\(jwt: string\).*Decodes the Claims Set of a JWT/s },
];

/** Every hover of {@link HOVERS}, then completion after `tokenLab.` (undone again). */
async function expectRealTypes(page: Page, region: Locator, hovers = HOVERS): Promise<void> {
  await expect(problems(region)).toHaveText(NO_PROBLEMS);
  for (const hover of hovers) await expectHover(page, region, hover);

  await toEndOfCode(page, region);
  await page.keyboard.type('\ntokenLab.');
  const suggestions = page.getByRole('listbox', { name: 'Suggest' });
  await expect(suggestions.getByRole('listitem', { name: /^clientSecret\b/ })).toBeVisible();
  await expect(suggestions.getByRole('listitem', { name: /^clientId\b/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(suggestions).toBeHidden();
  await page.keyboard.press('Control+z');
  await expect(problems(region)).toHaveText(NO_PROBLEMS);
}

test.describe('hovers and completion show the types the code really has', () => {
  test('in the dark theme and the light theme, chosen with the theme menu', async ({ page }) => {
    await openWithCode(page, 'get-token', TYPED_CODE);
    await editorReady(page, GET_TOKEN);
    const region = playground(page, GET_TOKEN);
    const theme = page.getByRole('combobox', { name: 'Select theme' });

    await theme.selectOption('dark');
    await expect(region.locator('.monaco-editor')).toHaveClass(/\bvs-dark\b/);
    await expectRealTypes(page, region);

    await theme.selectOption('light');
    await expect(region.locator('.monaco-editor')).not.toHaveClass(/\bvs-dark\b/);
    await expect(region.locator('.monaco-editor')).toHaveClass(/\bvs\b/);
    await expectRealTypes(page, region);
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test('hovers and completion work in the narrow editor', async ({ page }) => {
      await openWithCode(page, 'get-token', TYPED_CODE);
      await editorReady(page, GET_TOKEN);
      await expectRealTypes(page, playground(page, GET_TOKEN));
    });
  });

  test('after Reset, on the starter code, and after Ctrl+Z brings the code back', async ({ page }) => {
    await openWithCode(page, 'get-token', TYPED_CODE);
    await editorReady(page, GET_TOKEN);
    const region = playground(page, GET_TOKEN);

    await region.getByRole('button', { name: 'Reset' }).click();
    await expect(region.getByRole('status')).toHaveText(/^Back to the starting code/);
    await expect(region.locator('.monaco-editor')).toContainText("grant_type: 'client_credentials'");
    await expectRealTypes(page, region, HOVERS.filter((hover) => !['claims', 'decodeJwt'].includes(hover.word)));

    await toEndOfCode(page, region);
    await page.keyboard.press('Control+z');
    await expect(region.locator('.monaco-editor')).toContainText('const claims = decodeJwt(secret);');
    await expectRealTypes(page, region);
  });

  test('after Share, in the shared link opened in a new page', async ({ page, browser }) => {
    await openWithCode(page, 'get-token', TYPED_CODE);
    await editorReady(page, GET_TOKEN);
    await playground(page, GET_TOKEN).getByRole('button', { name: 'Share' }).click();
    const link = await playground(page, GET_TOKEN).getByRole('textbox', { name: 'Share link' }).inputValue();

    // A colleague's browser: nothing saved, only the link.
    const colleague = await browser.newContext();
    const other = await colleague.newPage();
    await other.goto(link.replace(/^https?:\/\/[^/]+/, test.info().project.use.baseURL ?? ''));
    await editorReady(other, GET_TOKEN);
    await expect(playground(other, GET_TOKEN).locator('.monaco-editor')).toContainText('const claims = decodeJwt(secret);');
    await expectRealTypes(other, playground(other, GET_TOKEN));
    await colleague.close();
  });

  test('after a reload, on the code the page saved', async ({ page }) => {
    await page.goto(PLAYGROUND_PAGE);
    await editorReady(page, GET_TOKEN);
    const region = playground(page, GET_TOKEN);
    await region.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(TYPED_CODE);
    // The save is debounced: wait until it has happened, not for a time.
    await expect.poll(() => page.evaluate(() => localStorage.getItem('token-lab:playground:get-token') ?? '')).toContain('const claims = decodeJwt(secret);');

    await page.reload();
    await editorReady(page, GET_TOKEN);
    await expect(region.locator('.monaco-editor')).toContainText('const claims = decodeJwt(secret);');
    await expectRealTypes(page, region);
  });
});
