import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planId, startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * The briefing printed as a leader's office would print it: headless Chromium (installed by
 * scripts/install-print-tools.sh) turns the HTML into a PDF, and poppler's tools read the PDF back.
 */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-pdf-header-footer',
];

function printToPdf(html: string, dir: string, name: string): string {
  const source = join(dir, `${name}.html`);
  const pdf = join(dir, `${name}.pdf`);
  writeFileSync(source, html);
  execFileSync('chromium', [...CHROMIUM_FLAGS, `--print-to-pdf=${pdf}`, `file://${source}`], { stdio: 'ignore', timeout: 60_000 });
  return pdf;
}

const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8' });

describe('the briefing prints', () => {
  let t: TestApp;
  let jiangjin: number;

  beforeAll(async () => {
    t = await startTestApp();
    jiangjin = await planId(t, 'jiangjin');
  });
  afterAll(() => t.close());

  it('the fonts the briefing names are Chinese fonts this machine has', () => {
    expect(run('fc-match', ['-f', '%{family}', 'Noto Serif CJK SC'])).toContain('CJK');
    expect(run('fc-match', ['-f', '%{family}', 'Noto Sans CJK SC'])).toContain('CJK');
  });

  for (const kind of ['progress', 'overdue', 'units', 'assessment']) {
    it(`the ${kind} briefing prints on A4 pages with every font embedded and its Chinese text intact`, async () => {
      const res = await t.http().get(`/api/v1/plans/${jiangjin}/reports/${kind}?asOf=2026-11-23&format=html`).expect(200);
      const pdf = printToPdf(res.text, t.dir, kind);
      const info = run('pdfinfo', [pdf]);
      expect(info).toMatch(/Page size:\s+594\.\d+ x 841\.\d+ pts \(A4\)/);
      const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      expect(pages).toBeGreaterThanOrEqual(1);
      const fonts = run('pdffonts', [pdf])
        .split('\n')
        .slice(2)
        .filter((line) => line.trim());
      expect(fonts.length).toBeGreaterThan(0);
      for (const line of fonts) expect(line).toMatch(/\byes\b/);
      const text = run('pdftotext', [pdf, '-']).replace(/\s+/g, '');
      expect(text).toContain('“无废城市”建设工作简报');
      // The assessment of a plan that ended in 2025 is as of that year's last day.
      expect(text).toContain(kind === 'assessment' ? '截至2025年12月31日' : '截至2026年11月23日');
      expect(text).toContain('重庆市江津区');
      expect(text).not.toContain('\ufffd');
    });
  }
});
