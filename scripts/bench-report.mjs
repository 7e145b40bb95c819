// The bench's budgets, the check that names each miss, and the Markdown table of results.
// Kept apart from scripts/bench.mjs (which needs a browser and a build) so the check can be
// tested on plain objects. As a command it re-renders bench/RESULTS.md from bench/results.json:
//   npx node scripts/bench-report.mjs
import { readFileSync, writeFileSync } from 'node:fs';

/** The baseline page every Token Lab page is compared with: a docs page about a lesson long. */
export const BASELINE_READING_PAGE = '/guides/reading/';

export const BUDGETS = {
  /** Brotli JS a reading page makes the reader download before they touch anything. */
  readingPageJsBrotli: 30 * 1024,
  /**
   * The same JS of every page as a share of the bare Starlight reading page's in the same run
   * (BASELINE_READING_PAGE, built with the same versions): a widget's code loads when the reader
   * reaches for it, not with the page. Measured (issue 24) against the reading page's 27.1 KiB:
   * the migration guide 17.5 KiB (0.65×) and the triage page 15.1 KiB (0.56×) while the token
   * triage, on both, loaded its 8.4 KiB eagerly; every other page 0.14–0.45× (2026-12-03).
   */
  jsBeforeInteractionRatio: 0.5,
  lighthousePerformance: 95,
  lighthouseAccessibility: 100,
  /** Monaco, its workers and the run worker, loaded on demand. */
  monacoBrotli: 2.2 * 1024 * 1024,
  buildSeconds: 60,
  buildPeakMiB: 2560,
  /**
   * Page JS heap growth over the soak, measured after a forced GC. 500 runs measured +4.1 MiB
   * (13.0 → 17.1 MiB): 2 MiB in the first 100 runs as caches warm up, then a steady ~0.5 MiB per
   * 100 runs. 10 MiB is 2.5 times that: room for noise, and a leak of 20 KiB or more per run
   * (one kept output view or token chip per run) fails it.
   */
  soakHeapGrowthMiB: 10,
  /**
   * Run workers alive after the soak: the one started, unused spare that waits for the next Run
   * (worker-host.ts `keepSpare`); any more is a worker that outlived its run.
   */
  liveRunWorkers: 1,
  /** Warm playground, Run click → token painted, timed in the page (issue 12's goal). */
  runToTokenMedianMs: 50,
  runToTokenP95Ms: 80,
  /** First visit, Run pressed as soon as the page loaded → token painted (median of 5 visits). */
  coldRunToTokenMs: 1000,
  /** Token signer: keystroke in the payload → re-signed token and risk list painted (one frame). */
  signerKeystrokeToPaintMs: 16,
  /**
   * A click on the page → next frame while learner code floods it with 200 refused requests to a
   * 1 MB URL and 200 errors with a 1 MB message: p95 of real clicks sent every 50 ms from Run until
   * Run is enabled again (measure-playground.mjs). The p95, because the clicks sample time: most of
   * the 5 s run is the code's own wait, so a median would pass a page frozen for a second or two,
   * while the p95 fails once the page is slower than 100 ms for more than 5% of the run (a single
   * freeze longer than about 0.35 s). The max is reported beside it, not held: one garbage
   * collection or a busy neighbour on the shared machine sets it. Measured on 2 cores: before the
   * recorded fields were capped, p95 1.9–6.1 s, max 2.8–9.2 s, Run disabled 44–54 s (loads 2–6);
   * with the caps, p95 16–69 ms, max 31–119 ms at loads 4.5–6.3, and p95 154 ms, max 347 ms at
   * 7.6 (inside that load's 3× allowance).
   */
  floodClickP95Ms: 100,
  /**
   * Lab exercise 4 ("Survive expiry"), editor warm, the page's starting code (a token request per
   * call: 127 round trips between the run worker and the page for three virtual days): Run click →
   * run over and painted, and Check click → verdict painted, medians of 5 (measure-lab.mjs).
   * Measured on 2 cores when this budget was set: Run median 386–547 ms, Check 403–455 ms (loads
   * 5–12). With the page's main thread made 4× slower (measure-lab.mjs --cpu-slowdown=4), Run
   * 3.5–4.5 s and Check 3.9–4.2 s: what issue 24 saw (3.0–4.8 s and 3.4 s) on a slower machine.
   */
  labRunMedianMs: 1000,
  labCheckMedianMs: 1000,
  /**
   * First visit, a click into a playground's code → "Editor ready." painted, timed in the page,
   * median of 5 visits (measure-playground.mjs). Issue 24 saw it go from 658–782 ms to 1,173 ms
   * once the runner mounted first (then timed from the test driver, round trips included). Timed
   * in the page on 2 cores: 616–654 ms with the editor fetched after the runner, 555–665 ms with
   * both fetched at once (Playground.astro), at load 1–2.
   */
  firstClickToReadyMs: 1000,
};

/**
 * How much slower a timing may be on a busy machine: 1 when the load average measured with it is
 * at most the number of cores, else load ÷ cores, at most 3. The timings run on this machine's
 * cores like Lighthouse does, so other work slows them; the report still shows the plain budget.
 */
export function timingAllowance(load, cpus) {
  if (typeof load !== 'number' || typeof cpus !== 'number' || cpus <= 0 || load <= cpus) return 1;
  return Math.min(load / cpus, 3);
}

/** The timing budgets of this run, each with the allowance its own load average earned. */
export function timingBudgets(results) {
  const cpus = results.machine?.cpus;
  const scaled = (budget, load) => Math.round(budget * timingAllowance(load, cpus) * 10) / 10;
  return {
    runToTokenMedianMs: scaled(BUDGETS.runToTokenMedianMs, results.playground.runToToken?.load),
    runToTokenP95Ms: scaled(BUDGETS.runToTokenP95Ms, results.playground.runToToken?.load),
    coldRunToTokenMs: scaled(BUDGETS.coldRunToTokenMs, results.playground.coldRunToToken?.load),
    signerKeystrokeToPaintMs: scaled(BUDGETS.signerKeystrokeToPaintMs, results.signer?.load),
    firstClickToReadyMs: scaled(BUDGETS.firstClickToReadyMs, results.playground.firstClickToReady?.load),
    floodClickP95Ms: scaled(BUDGETS.floodClickP95Ms, results.playground.clickDuringRequestFlood?.load),
    labRunMedianMs: scaled(BUDGETS.labRunMedianMs, results.lab?.run?.load),
    labCheckMedianMs: scaled(BUDGETS.labCheckMedianMs, results.lab?.check?.load),
  };
}

/**
 * The Lighthouse performance score pages must reach in this run. Simulated throttling still runs
 * the page on this machine's CPU, so other work on a 2-core machine costs a page 20–30 points (the
 * same page scored 70 and 100 within the hour). The bare Starlight page audited in the same run
 * shows how busy the machine was: when even it misses 95, a page must score no more than 5 below
 * it. The absolute 95 stays in the report, so a busy run's misses are still named there.
 */
export function performanceFloor(results) {
  const reference = results.baseline?.pages?.find((page) => page.path === (results.baseline.readingPage ?? BASELINE_READING_PAGE));
  const base = reference?.lighthouse?.performance;
  return typeof base === 'number' && base < BUDGETS.lighthousePerformance ? Math.max(0, base - 5) : BUDGETS.lighthousePerformance;
}

/**
 * The build's wall-time budget in this run: 60 s, or four times the bare Starlight build of the
 * same run when the machine is so busy that even that takes over 15 s (quiet, it takes ~5 s and
 * the site ~13 s; at a load of 20 they took 37 s and 127 s).
 */
export function buildSecondsBudget(results) {
  const baseline = results.baseline?.build?.wallSeconds;
  return typeof baseline === 'number' && baseline > 15 ? Math.max(BUDGETS.buildSeconds, 4 * baseline) : BUDGETS.buildSeconds;
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** When Run could be pressed again after the flood's run, in words. */
function runEnabledAgain(flood) {
  if (flood.runPressToRunEnabledMs === null) return `Run still disabled ${flood.waitedMs / 1000} s after it was pressed`;
  return `Run enabled again ${flood.runPressToRunEnabledMs} ms after it was pressed, ${flood.runEndToRunEnabledMs} ms after the run ended (its code's last line or its ${flood.timeLimitMs / 1000} s time limit, whichever came first)`;
}

/**
 * The most JS a page may load before interaction in this run: {@link BUDGETS}.jsBeforeInteractionRatio
 * of the bare Starlight reading page's, or undefined when the run has no figure for that page.
 */
export function jsBeforeInteractionCap(results) {
  const reference = results.baseline?.pages?.find((page) => page.path === (results.baseline.readingPage ?? BASELINE_READING_PAGE));
  return typeof reference?.js === 'number' && reference.js > 0 ? { cap: reference.js * BUDGETS.jsBeforeInteractionRatio, reference: reference.js } : undefined;
}

/** Every budget missed, each as one line naming the figure. @returns {string[]} */
export function budgetMisses(results) {
  const misses = [];
  const floor = performanceFloor(results);
  const busy = floor < BUDGETS.lighthousePerformance ? `; machine busy: the bare Starlight page scored ${floor + 5} in this run, so the floor is ${floor}` : '';
  const jsCap = jsBeforeInteractionCap(results);
  if (!jsCap) misses.push(`baseline ${results.baseline?.readingPage ?? BASELINE_READING_PAGE}: no JS figure, so no page's JS could be held to ${BUDGETS.jsBeforeInteractionRatio}× of it`);
  for (const page of results.pages) {
    if (page.js > BUDGETS.readingPageJsBrotli) misses.push(`${page.path}: ${kib(page.js)} of JS before interaction (budget ${kib(BUDGETS.readingPageJsBrotli)})`);
    if (typeof page.js !== 'number') misses.push(`${page.path}: no figure for its JS before interaction`);
    else if (jsCap && !(page.js <= jsCap.cap)) {
      misses.push(`${page.path}: ${kib(page.js)} of JS before interaction, ${(page.js / jsCap.reference).toFixed(3)}× the bare Starlight page's ${kib(jsCap.reference)} (budget ≤ ${BUDGETS.jsBeforeInteractionRatio}×, ${kib(jsCap.cap)})`);
    }
    const audit = page.lighthouse;
    if (!audit) {
      misses.push(`${page.path}: no Lighthouse audit`);
      continue;
    }
    if (!(audit.performance >= floor)) misses.push(`${page.path}: Lighthouse performance ${audit.performance} (budget ≥ ${BUDGETS.lighthousePerformance}${busy}; attempts ${audit.attempts?.join(', ')})`);
    if (!(audit.accessibility >= BUDGETS.lighthouseAccessibility)) misses.push(`${page.path}: Lighthouse accessibility ${audit.accessibility} (budget ${BUDGETS.lighthouseAccessibility}; lost on ${audit.lostPoints?.accessibility?.join(', ')})`);
    if (audit.offOrigin?.length) misses.push(`${page.path}: ${audit.offOrigin.length} request(s) to another origin during Lighthouse: ${audit.offOrigin.join(', ')}`);
  }
  for (const page of results.baseline?.pages ?? []) {
    if (page.lighthouse?.offOrigin?.length) misses.push(`baseline ${page.path}: ${page.lighthouse.offOrigin.length} request(s) to another origin: ${page.lighthouse.offOrigin.join(', ')}`);
  }
  if (results.playground.onDemandBrotli > BUDGETS.monacoBrotli) misses.push(`Monaco and workers on demand: ${kib(results.playground.onDemandBrotli)} (budget ${kib(BUDGETS.monacoBrotli)})`);
  const timing = timingBudgets(results);
  const loadNote = (load, budget, plain) => (budget > plain ? `; load ${load} on ${results.machine.cpus} cores, so ${budget} ms` : '');
  const warm = results.playground.runToToken;
  if (!(warm?.medianMs <= timing.runToTokenMedianMs)) misses.push(`playground: Run → token median ${warm?.medianMs} ms (budget ≤ ${BUDGETS.runToTokenMedianMs} ms${loadNote(warm?.load, timing.runToTokenMedianMs, BUDGETS.runToTokenMedianMs)})`);
  if (!(warm?.p95Ms <= timing.runToTokenP95Ms)) misses.push(`playground: Run → token p95 ${warm?.p95Ms} ms (budget ≤ ${BUDGETS.runToTokenP95Ms} ms${loadNote(warm?.load, timing.runToTokenP95Ms, BUDGETS.runToTokenP95Ms)})`);
  const cold = results.playground.coldRunToToken;
  if (!(cold?.medianMs <= timing.coldRunToTokenMs)) misses.push(`playground: first visit, Run at once → token median ${cold?.medianMs} ms (budget ≤ ${BUDGETS.coldRunToTokenMs} ms${loadNote(cold?.load, timing.coldRunToTokenMs, BUDGETS.coldRunToTokenMs)})`);
  const ready = results.playground.firstClickToReady;
  if (!(ready?.medianMs <= timing.firstClickToReadyMs)) misses.push(`playground: first visit, click into the code → editor ready median ${ready?.medianMs} ms (budget ≤ ${BUDGETS.firstClickToReadyMs} ms${loadNote(ready?.load, timing.firstClickToReadyMs, BUDGETS.firstClickToReadyMs)})`);
  const flood = results.playground.clickDuringRequestFlood;
  if (!(flood?.p95Ms <= timing.floodClickP95Ms)) misses.push(`playground: a click during a flood of huge refused requests p95 ${flood?.p95Ms} ms (budget ≤ ${BUDGETS.floodClickP95Ms} ms${loadNote(flood?.load, timing.floodClickP95Ms, BUDGETS.floodClickP95Ms)}${flood ? `; max ${flood.maxMs} ms, ${runEnabledAgain(flood)}` : ''})`);
  const lab = results.lab;
  if (!(lab?.run?.medianMs <= timing.labRunMedianMs)) misses.push(`lab exercise 4: Run → run over median ${lab?.run?.medianMs} ms (budget ≤ ${BUDGETS.labRunMedianMs} ms${loadNote(lab?.run?.load, timing.labRunMedianMs, BUDGETS.labRunMedianMs)})`);
  if (!(lab?.check?.medianMs <= timing.labCheckMedianMs)) misses.push(`lab exercise 4: Check → verdict median ${lab?.check?.medianMs} ms (budget ≤ ${BUDGETS.labCheckMedianMs} ms${loadNote(lab?.check?.load, timing.labCheckMedianMs, BUDGETS.labCheckMedianMs)})`);
  const signer = results.signer?.keystrokeToPaintMs;
  if (!(signer?.median <= timing.signerKeystrokeToPaintMs)) misses.push(`token signer: keystroke → re-signed token painted median ${signer?.median} ms (budget ≤ ${BUDGETS.signerKeystrokeToPaintMs} ms${loadNote(results.signer?.load, timing.signerKeystrokeToPaintMs, BUDGETS.signerKeystrokeToPaintMs)})`);
  const buildBudget = buildSecondsBudget(results);
  if (!(results.build.wallSeconds < buildBudget)) misses.push(`build: ${results.build.wallSeconds} s wall (budget < ${buildBudget} s)`);
  if (!(results.build.peakMiB < BUDGETS.buildPeakMiB)) misses.push(`build: ${results.build.peakMiB} MiB peak memory (budget < ${BUDGETS.buildPeakMiB} MiB)`);
  const soak = results.soak;
  if (!(soak.heapGrowthBytes <= BUDGETS.soakHeapGrowthMiB * 2 ** 20)) misses.push(`soak: JS heap grew ${mib(soak.heapGrowthBytes)} over ${soak.runs} runs (bound ${BUDGETS.soakHeapGrowthMiB} MiB)`);
  if (soak.liveRunWorkersAtEnd > BUDGETS.liveRunWorkers) misses.push(`soak: ${soak.liveRunWorkersAtEnd} run worker(s) still alive after ${soak.runs} runs`);
  if (soak.runWorkersStarted !== soak.runs + 1) misses.push(`soak: ${soak.runWorkersStarted} run workers started for ${soak.runs} runs (one each, plus the spare waiting for the next Run, expected)`);
  return misses;
}

const ok = (holds) => (holds ? 'ok' : '**miss**');
const ratio = (value) => (value == null ? '–' : value.toFixed(2));

/** The results as the Markdown page committed in bench/RESULTS.md. */
export function markdown(results) {
  const reference = results.baseline.pages.find((page) => page.path === results.baseline.readingPage);
  const lh = (page) => page.lighthouse ?? {};
  const scores = (audit) => `${audit.performance}${audit.attempts?.length > 1 ? ` (${audit.attempts.join(', ')})` : ''} | ${audit.accessibility} | ${audit.bestPractices}`;
  const soak = results.soak;
  const flood = results.playground.clickDuringRequestFlood;
  const misses = budgetMisses(results);
  const lines = [
    '# Token Lab bench results',
    '',
    `Measured ${results.date} (load average ${results.load.atStart.join(' ')} at the start, ${results.load.atEnd.join(' ')} at the end; other people were using the machine) on ${results.machine.cpus} × ${results.machine.cpuModel}, ${results.machine.memoryGiB} GiB, Node ${results.machine.node}, Chromium ${results.machine.chromium}.`,
    `Versions: ${Object.entries(results.machine.versions).map(([name, version]) => `${name} ${version}`).join(', ')}. The whole bench took ${Math.round(results.timings.totalSeconds / 60)} min, of which Lighthouse ${Math.round(results.timings.lighthouseSeconds / 60)} min and the soak ${Math.round(results.timings.soakSeconds / 60)} min.`,
    '',
    misses.length ? `**${misses.length} budget(s) missed:**\n\n${misses.map((miss) => `- ${miss}`).join('\n')}` : 'Every budget holds.',
    '',
    '## Pages',
    '',
    `JS: brotli (q11) JavaScript before interaction, inline scripts included and JSON data blocks (an exercise's starter and solution code) not, since the browser neither parses nor runs them. Transfer: every byte Lighthouse saw transferred (astro preview serves uncompressed). Lighthouse: mobile profile, default simulated throttling; a page under ${BUDGETS.lighthousePerformance} is audited twice more and keeps its best score (attempts in brackets; other work on the machine only ever slows a page). The check asks for ${BUDGETS.lighthousePerformance}, or, when the bare Starlight page itself misses it in the same run, no more than 5 below that page (this run: ${performanceFloor(results)}). Ratios are against the bare Starlight page \`${results.baseline.readingPage}\` built with the same versions in the same run (×base perf above 1 means a better score than the baseline); every page's JS must be at most ${BUDGETS.jsBeforeInteractionRatio}× that page's (this run: ${jsBeforeInteractionCap(results) ? kib(jsBeforeInteractionCap(results).cap) : 'no baseline figure'}) and at most ${kib(BUDGETS.readingPageJsBrotli)}. Bench. index: Lighthouse's CPU benchmark of the machine during the kept audit (lower is busier).`,
    '',
    '| page | JS | ×base | transfer | ×base | perf | a11y | best pr. | ×base perf | bench. index | budgets |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...results.pages.map((page) => {
      const audit = lh(page);
      const holds = page.js <= BUDGETS.readingPageJsBrotli && page.js <= (jsBeforeInteractionCap(results)?.cap ?? -Infinity) && audit.performance >= BUDGETS.lighthousePerformance && audit.accessibility >= BUDGETS.lighthouseAccessibility;
      return `| ${page.path} | ${kib(page.js)} | ${ratio(page.ratioToBaseline.js)} | ${kib(audit.totalTransferBytes)} | ${ratio(page.ratioToBaseline.transfer)} | ${scores(audit)} | ${ratio(page.ratioToBaseline.performance)} | ${audit.benchmarkIndex ?? '–'} | ${ok(holds)} |`;
    }),
    '',
    '### Bare Starlight baseline (bench/baseline)',
    '',
    `Built in ${results.baseline.build.wallSeconds} s, peak ${results.baseline.build.peakMiB} MiB.`,
    '',
    '| page | JS | transfer | perf | a11y | best pr. | bench. index |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...results.baseline.pages.map((page) => `| ${page.path}${page === reference ? ' (reference)' : ''} | ${kib(page.js)} | ${kib(lh(page).totalTransferBytes)} | ${scores(lh(page))} | ${lh(page).benchmarkIndex ?? '–'} |`),
    '',
    '## Playground (/reference/playgrounds/)',
    '',
    `- JS before interaction: ${kib(results.playground.jsBeforeInteractionBrotli)}; after the editor loaded: ${kib(results.playground.jsAfterEditorBrotli)} (on demand: ${kib(results.playground.onDemandBrotli)}, budget ${kib(BUDGETS.monacoBrotli)}: ${ok(results.playground.onDemandBrotli <= BUDGETS.monacoBrotli)})`,
    `- first visit, click into the code → "Editor ready." painted (${results.playground.firstClickToReady?.runs ?? '–'} visits, timed in the page from the press's time stamp; load ${results.playground.firstClickToReady?.load ?? '–'}): median ${results.playground.firstClickToReady?.medianMs} ms (budget ≤ ${timingBudgets(results).firstClickToReadyMs} ms: ${ok(results.playground.firstClickToReady?.medianMs <= timingBudgets(results).firstClickToReadyMs)}), max ${results.playground.firstClickToReady?.maxMs} ms; TypeScript warmed (first Run needs no compiler load), timed from the driver: ${results.playground.firstClickToTypeScriptMs} ms`,
    `- Run → token painted, editor warm (${results.playground.runToToken.runs} runs, timed in the page from the click's time stamp to the frame after the token chip; load ${results.playground.runToToken.load ?? '–'}): median ${results.playground.runToToken.medianMs} ms (budget ≤ ${timingBudgets(results).runToTokenMedianMs} ms: ${ok(results.playground.runToToken.medianMs <= timingBudgets(results).runToTokenMedianMs)}), p95 ${results.playground.runToToken.p95Ms} ms (budget ≤ ${timingBudgets(results).runToTokenP95Ms} ms: ${ok(results.playground.runToToken.p95Ms <= timingBudgets(results).runToTokenP95Ms)}); the bare Starlight page has no playground to compare`,
    ...(results.playground.coldRunToToken
      ? [`- first visit (empty cache, no service worker), Run pressed once the page has loaded → token painted (${results.playground.coldRunToToken.runs} visits; load ${results.playground.coldRunToToken.load ?? '–'}): median ${results.playground.coldRunToToken.medianMs} ms, max ${results.playground.coldRunToToken.maxMs} ms (budget ≤ ${timingBudgets(results).coldRunToTokenMs} ms: ${ok(results.playground.coldRunToToken.medianMs <= timingBudgets(results).coldRunToTokenMs)})`]
      : []),
    ...(results.playground.clickDuringEndlessLoop
      ? [`- a click on the page while learner code runs \`while (true) {}\` (${results.playground.clickDuringEndlessLoop.samples} clicks, dispatch → next frame): median ${results.playground.clickDuringEndlessLoop.medianMs} ms, max ${results.playground.clickDuringEndlessLoop.maxMs} ms`]
      : []),
    ...(flood
      ? [`- a click on the page while learner code floods it with 200 refused requests to a 1 MB URL and 200 errors with a 1 MB message, then waits 4 s (${flood.samples} real clicks on the theme picker, one every ${flood.everyMs} ms from Run until Run is enabled again, each timed from its time stamp to the next frame; load ${flood.load ?? '–'}): median ${flood.medianMs} ms, p95 ${flood.p95Ms} ms (budget ≤ ${timingBudgets(results).floodClickP95Ms} ms: ${ok(flood.p95Ms <= timingBudgets(results).floodClickP95Ms)}), max ${flood.maxMs} ms; ${runEnabledAgain(flood)}; the run's status: “${flood.runStatus}”`]
      : []),
    '',
    ...(results.signer
      ? [
          '## Token signer (/lessons/non-expiring-tokens/)',
          '',
          `- keystroke in the payload → re-signed token and risk list painted (${results.signer.keystrokeToPaintMs.samples} keystrokes; load ${results.signer.load ?? '–'}): median ${results.signer.keystrokeToPaintMs.median} ms, p95 ${results.signer.keystrokeToPaintMs.p95} ms, max ${results.signer.keystrokeToPaintMs.max} ms (budget ≤ ${timingBudgets(results).signerKeystrokeToPaintMs} ms: ${ok(results.signer.keystrokeToPaintMs.median <= timingBudgets(results).signerKeystrokeToPaintMs)}); the bare Starlight page has no signer to compare`,
          ...(results.signer.longPayload ? [`- a long payload (${results.signer.longPayload.bytes} bytes): median ${results.signer.longPayload.median} ms`] : []),
          '',
        ]
      : []),
    ...(results.lab
      ? [
          `## Lab exercise 4 (${results.lab.page})`,
          '',
          `The page's starting code (a token request per call: ${results.lab.requestsPerReplay} round trips between the run worker and the page to replay three virtual days), editor loaded and TypeScript warm, each timed in the page from the click's time stamp to the next frame.`,
          '',
          `- Run → run over (${results.lab.run.samples} runs; load ${results.lab.run.load ?? '–'}): median ${results.lab.run.medianMs} ms (budget ≤ ${timingBudgets(results).labRunMedianMs} ms: ${ok(results.lab.run.medianMs <= timingBudgets(results).labRunMedianMs)}), min ${results.lab.run.minMs} ms, max ${results.lab.run.maxMs} ms`,
          `- Check → verdict (${results.lab.check.samples} checks; load ${results.lab.check.load ?? '–'}): median ${results.lab.check.medianMs} ms (budget ≤ ${timingBudgets(results).labCheckMedianMs} ms: ${ok(results.lab.check.medianMs <= timingBudgets(results).labCheckMedianMs)}), min ${results.lab.check.minMs} ms, max ${results.lab.check.maxMs} ms`,
          '',
        ]
      : []),
    `## Soak: ${soak.runs} runs in one page, no reload`,
    '',
    `JS heap of the page after a forced garbage collection (CDP \`HeapProfiler.collectGarbage\`, then \`Performance.getMetrics\`); renderer memory is the resident size of every renderer process, workers included. Bound: heap growth ≤ ${BUDGETS.soakHeapGrowthMiB} MiB, and at the end no run worker alive but the one unused spare that waits for the next Run.`,
    '',
    '| after runs | JS heap | DOM nodes | listeners | renderer memory | workers alive (run workers) |',
    '|---:|---:|---:|---:|---:|---|',
    ...soak.samples.map((sample) => `| ${sample.afterRuns} | ${mib(sample.jsHeapUsedBytes)} | ${sample.domNodes} | ${sample.jsEventListeners} | ${sample.rendererResidentBytes == null ? '–' : mib(sample.rendererResidentBytes)} | ${sample.workers.all} (${sample.workers.run}) |`),
    '',
    `- heap growth ${mib(soak.heapGrowthBytes)} (bound ${BUDGETS.soakHeapGrowthMiB} MiB: ${ok(soak.heapGrowthBytes <= BUDGETS.soakHeapGrowthMiB * 2 ** 20)}); DOM nodes ${soak.domNodeGrowth >= 0 ? '+' : ''}${soak.domNodeGrowth}, listeners ${soak.listenerGrowth >= 0 ? '+' : ''}${soak.listenerGrowth}`,
    `- run workers: ${soak.runWorkersStarted} started, ${soak.runWorkersClosed} closed, ${soak.liveRunWorkersAtEnd} alive at the end (${ok(soak.liveRunWorkersAtEnd <= BUDGETS.liveRunWorkers && soak.runWorkersStarted === soak.runs + 1)}): one worker per run plus the unused spare that waits for the next; the other workers left are Monaco's editor and TypeScript workers, which live as long as the editor`,
    `- Run → token over the soak: median ${soak.runToToken.medianMs} ms, p95 ${soak.runToToken.p95Ms} ms, max ${soak.runToToken.maxMs} ms; ${soak.seconds} s in all`,
    '',
    '## Tenant in Node',
    '',
    ...results.tenant.micro.map((row) => `- ${row.name}: ${Math.round(row.opsPerSecond).toLocaleString('en')} ops/s`),
    results.tenant.load
      ? `- loopback load on npm run tenant: ${results.tenant.load.requests} requests, ${results.tenant.load.concurrency} clients, ${results.tenant.load.failures} failed, ${results.tenant.load.misanswered} mis-answered, ${Math.round(results.tenant.load.requestsPerSecond)} req/s, p50 ${results.tenant.load.p50Ms.toFixed(1)} ms, p95 ${results.tenant.load.p95Ms.toFixed(1)} ms`
      : '',
    '',
    '## Build',
    '',
    `- site: wall ${results.build.wallSeconds} s (budget < ${buildSecondsBudget(results)} s: ${ok(results.build.wallSeconds < buildSecondsBudget(results))}), peak memory ${results.build.peakMiB} MiB (budget < ${BUDGETS.buildPeakMiB} MiB: ${ok(results.build.peakMiB < BUDGETS.buildPeakMiB)})`,
    `- bare Starlight baseline: wall ${results.baseline.build.wallSeconds} s, peak memory ${results.baseline.build.peakMiB} MiB`,
    '',
  ];
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = JSON.parse(readFileSync('bench/results.json', 'utf8'));
  writeFileSync('bench/RESULTS.md', markdown(results));
  console.log(markdown(results));
}
