/**
 * The CSV importer against 10 000+ generated files: each loads (a data set of the right shape,
 * finite numbers) or gives specific messages (a known code, a line and column in the file);
 * none throws, and none takes long — a long cell once took time quadratic in its length.
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '../prop';
import { parseCsv, type CsvIssueCode, type CsvOptions } from '../../src/data/csv';
import { formatCsv } from '../../src/data/csvWrite';
import { translate, type MessageKey } from '../../src/i18n/index';

const CODES: readonly CsvIssueCode[] = [
  'empty-file', 'too-few-columns', 'too-many-columns', 'ragged-row', 'empty-cell', 'not-a-number', 'not-finite', 'labels-not-binary',
  'too-many-rows', 'too-few-rows', 'more-errors', 'invalid-option', 'internal-error', 'constant-column', 'one-class',
  // Class labels 0 … K − 1 (the softmax work).
  'labels-not-classes', 'too-few-classes', 'classes', 'empty-class', 'too-many-classes',
];

const cell = fc.oneof(
  { weight: 6, arbitrary: fc.oneof(fc.double({ noNaN: true }).map(String), fc.integer({ min: -3, max: 3 }).map(String), fc.constantFrom('0', '1')) },
  fc.constantFrom('', ' ', 'x', 'NaN', 'Infinity', '1e999', '-0', '+.5', '5.', '.', '1e', '"1"', '"a,b"', '"', '""', '１', '0x1F', '1,5'),
  fc.string({ maxLength: 6 }),
);
const row = (width: number) => fc.array(cell, { minLength: width - 1, maxLength: width + 1 });
/** A file of rows about `width` wide, with a header or not, any line ends, blank lines, a BOM. */
const file = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 1, max: 5 }).chain((width) => fc.record({
    header: fc.option(fc.array(fc.string({ maxLength: 5 }), { minLength: width, maxLength: width })),
    rows: fc.array(row(width), { maxLength: 12 }),
    delimiter: fc.constantFrom(',', ',', '\t', ';'),
    eol: fc.constantFrom('\n', '\r\n', '\r', '\n\n'),
    bom: fc.boolean(),
  })).map(({ header, rows, delimiter, eol, bom }) => (bom ? '\uFEFF' : '') + [...(header ? [header] : []), ...rows].map((r) => r.join(delimiter)).join(eol)) },
  fc.string({ maxLength: 200 }),
  fc.string({ unit: fc.constantFrom(...'0123456789.,;\t\n\r"-+eE xy'.split('')), maxLength: 200 }),
);

describe('parseCsv, fuzzed', () => {
  test.prop([file, fc.constantFrom<CsvOptions>({}, { loss: 'bce' }, { loss: 'ce' }, { maxRows: 5 })], { numRuns: 10_000 })(
    'loads a well-shaped data set or names each problem by code, line and column; never throws',
    (text, options) => {
      const result = parseCsv(text, options);
      const lines = text.split(/\r\n|\r|\n/).length;
      if (result.ok) {
        const { dataset } = result;
        const m = dataset.train.X.cols + dataset.test.X.cols;
        expect(dataset.train.X.cols).toBeGreaterThanOrEqual(1);
        expect(dataset.test.X.cols).toBeGreaterThanOrEqual(1);
        expect(dataset.featureNames).toHaveLength(dataset.inputSize);
        expect(m).toBeLessThanOrEqual(lines);
        for (const split of [dataset.train, dataset.test]) {
          expect(split.X.rows).toBe(dataset.inputSize);
          expect([...split.X.data, ...split.Y.data].every(Number.isFinite)).toBe(true);
          if (options.loss === 'bce') expect([...split.Y.data].every((y) => y === 0 || y === 1)).toBe(true);
          // K classes: one-hot columns, K from 2 to 10
          if (dataset.task === 'multiclass') {
            expect(split.Y.rows).toBe(dataset.outputSize);
            expect(dataset.outputSize >= 2 && dataset.outputSize <= 10).toBe(true);
            for (let j = 0; j < split.Y.cols; j++) expect(Array.from({ length: split.Y.rows }, (_, k) => split.Y.data[k * split.Y.cols + j]).sort()).toEqual([...Array(split.Y.rows - 1).fill(0), 1]);
          }
        }
      } else {
        expect(result.errors.length).toBeGreaterThan(0);
        expect(result.errors.length).toBeLessThanOrEqual(21);
      }
      for (const issue of result.ok ? result.warnings : result.errors) {
        expect(CODES).toContain(issue.code);
        expect(issue.code).not.toBe('internal-error');
        expect(issue.message.length).toBeGreaterThan(0);
        expect(issue.line >= 0 && issue.line <= lines).toBe(true);
        if (issue.column !== undefined) expect(issue.column).toBeGreaterThanOrEqual(1);
        // The view says it in Chinese too (CsvImport passes these params).
        const zh = translate('zh-CN', `config.csvIssue.${issue.code}` as MessageKey, {
          message: issue.message, line: issue.line, column: issue.column ?? 0, text: issue.text ?? '', inputs: 0, ...issue.params,
        });
        expect(zh).not.toBe(`config.csvIssue.${issue.code}`);
      }
    },
    120_000, // bounded work (10,000 cases): slow only on a busy machine
  );

  // 100 000 digits: about 14 s with the old pattern (a failure, not a hang: it cannot be interrupted).
  it('reads a long cell in linear time (the number pattern cannot backtrack quadratically)', () => {
    const start = performance.now();
    const result = parseCsv(`a,b\n${'1'.repeat(100_000)}x,1\n2,0\n`);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual(['not-a-number']);
  });

  test.prop([fc.array(fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, 1)), { minLength: 2, maxLength: 40 }), fc.array(fc.string({ maxLength: 6 }).filter((s) => !/[\r\n]/.test(s)), { minLength: 3, maxLength: 3 })], { numRuns: 500 })(
    'formatCsv writes what parseCsv reads back exactly (names, numbers, −0, the split)',
    (rows, names) => {
      const header = names.map((n, j) => (n.trim() === '' ? `c${j}` : n));
      const original = parseCsv([header, ...rows.map((r) => r.map((v) => (Object.is(v, -0) ? '-0' : String(v))))].map((r) => r.map((c) => (/[",]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\n'), { trainFraction: 0.6 });
      if (!original.ok) return; // a header that reads as numbers: not this property's concern
      const back = parseCsv(formatCsv(original.dataset), { trainFraction: original.dataset.train.X.cols / rows.length });
      expect(back.ok).toBe(true);
      if (!back.ok) return;
      for (const split of ['train', 'test'] as const) {
        expect(Array.from(back.dataset[split].X.data)).toEqual(Array.from(original.dataset[split].X.data));
        expect(Array.from(back.dataset[split].Y.data)).toEqual(Array.from(original.dataset[split].Y.data));
      }
      expect([back.dataset.featureNames, back.dataset.targetName]).toEqual([original.dataset.featureNames, original.dataset.targetName]);
    },
  );
});
