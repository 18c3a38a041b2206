import { describe, expect, it } from 'vitest';
import { test } from '../prop';
import fc from 'fast-check';
import { parseCsv, type CsvIssue, type CsvOptions, type CsvResult } from '../../src/data/csv';
import { toRows } from '../../src/engine/matrix';

function ok(result: CsvResult) {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result;
}
function errors(result: CsvResult): CsvIssue[] {
  if (result.ok) throw new Error('expected errors, got a data set');
  return result.errors;
}
/** The only error of parsing `text`. */
function onlyError(text: string, options?: CsvOptions): CsvIssue {
  const list = errors(parseCsv(text, options));
  expect(list).toHaveLength(1);
  return list[0];
}

describe('parseCsv: valid files', () => {
  it('reads a headed file: last column is the target, samples become columns', () => {
    const { dataset, warnings } = ok(parseCsv('x,y,label\n1,2,0\n3,4,1\n5,6,1\n7,8,0\n9,10,1\n'));
    expect(warnings).toEqual([]);
    expect(dataset).toMatchObject({ kind: 'csv', task: 'classification', inputSize: 2, outputSize: 1, featureNames: ['x', 'y'], targetName: 'label' });
    expect(toRows(dataset.train.X)).toEqual([[1, 3, 5, 7], [2, 4, 6, 8]]);
    expect(toRows(dataset.train.Y)).toEqual([[0, 1, 1, 0]]);
    expect(toRows(dataset.test.X)).toEqual([[9], [10]]);
    expect(toRows(dataset.test.Y)).toEqual([[1]]);
  });

  it('without a header names the columns x1, x2, … and y; non-binary targets mean regression', () => {
    const { dataset } = ok(parseCsv('1,2,0.5\n3,4,1.5\n'));
    expect(dataset).toMatchObject({ task: 'regression', featureNames: ['x1', 'x2'], targetName: 'y' });
    expect([dataset.train.X.cols, dataset.test.X.cols]).toEqual([1, 1]);
  });

  it('splits at round(m·trainFraction), keeping one row on each side', () => {
    const rows = Array.from({ length: 10 }, (_, i) => `${i},${i % 2}`).join('\n');
    expect(ok(parseCsv(rows, { trainFraction: 0.5 })).dataset.train.X.cols).toBe(5);
    expect(ok(parseCsv(rows)).dataset.train.X.cols).toBe(8);
    expect(ok(parseCsv(rows, { trainFraction: 0.99 })).dataset.test.X.cols).toBe(1);
  });

  it('accepts a BOM, \\r\\n and \\r line ends, blank lines, spaces, quotes and a trailing newline', () => {
    const { dataset } = ok(parseCsv('\uFEFFa,b\r\n\r\n 1 , 0\r"2",1\n\n\n3,"1"\r\n'));
    expect(dataset.featureNames).toEqual(['a']);
    expect([...dataset.train.X.data, ...dataset.test.X.data]).toEqual([1, 2, 3]);
  });

  it('accepts tab- and semicolon-separated files when the first row has no comma', () => {
    expect(toRows(ok(parseCsv('1\t2\t0\n3\t4\t1')).dataset.train.X)).toEqual([[1], [2]]);
    expect(toRows(ok(parseCsv('a;b;t\n1;2;0\n3;4;1')).dataset.train.X)).toEqual([[1], [2]]);
  });

  it('accepts signs, exponents and leading or trailing dots', () => {
    const { dataset } = ok(parseCsv('-1.5e3,+.5,0\n2.,1E-2,1\n', { loss: 'bce', trainFraction: 0.5 }));
    expect(toRows(dataset.train.X)).toEqual([[-1500], [0.5]]);
    expect(toRows(dataset.test.X)).toEqual([[2], [0.01]]);
  });

  it('a first row with an empty cell but no text is data, not a header', () => {
    expect(onlyError('1,,0\n2,3,1')).toMatchObject({ line: 1, column: 2, code: 'empty-cell' });
  });

  it('stops scanning a large file at maxRows', () => {
    const text = 'a,b\n' + '1,0\n'.repeat(200_000);
    expect(onlyError(text, { maxRows: 1000 })).toMatchObject({ line: 1002, code: 'too-many-rows' });
  });

  it('treats 1.0 and 0e0 as binary labels under bce', () => {
    expect(ok(parseCsv('1,1.0\n2,0e0\n', { loss: 'bce' })).dataset.task).toBe('classification');
  });
});

describe('parseCsv: every error code names its line, column and text', () => {
  it('empty-file', () => {
    for (const text of ['', '\n\n  \r\n', '\uFEFF']) {
      expect(onlyError(text)).toEqual({ line: 0, code: 'empty-file', message: 'The file is empty: there are no lines with data.' });
    }
  });

  it('too-few-columns', () => {
    expect(onlyError('\n\nlabel\n1\n0')).toEqual({
      line: 3,
      column: 1,
      code: 'too-few-columns',
      message: 'Line 3 has 1 column; at least 2 are needed: one or more inputs, then the target in the last column.',
    });
  });

  it('too-many-columns', () => {
    expect(onlyError('1,2,3,4\n1,2,3,4', { maxColumns: 3 })).toEqual({
      line: 1,
      column: 4,
      code: 'too-many-columns',
      message: 'Line 1 has 4 columns; at most 3 are allowed (2 inputs and the target).',
      params: { count: 4, max: 3 },
    });
    expect(onlyError(`${Array(66).fill('1').join(',')}\n`).message).toBe('Line 1 has 66 columns; at most 65 are allowed (64 inputs and the target).');
  });

  it('ragged-row, with the first missing or extra column', () => {
    const list = errors(parseCsv('a,b,c\n1,2,0\n\n1,2\n1,2,3,4\n'));
    expect(list).toEqual([
      {
        line: 4, column: 3, code: 'ragged-row', message: 'Line 4 has 2 values, but line 1 has 3; every row needs the same number of columns.',
        params: { count: 2, expected: 3, firstLine: 1 },
      },
      {
        line: 5, column: 4, code: 'ragged-row', message: 'Line 5 has 4 values, but line 1 has 3; every row needs the same number of columns.',
        params: { count: 4, expected: 3, firstLine: 1 },
      },
    ]);
  });

  it('empty-cell', () => {
    expect(onlyError('1,2,0\n1, ,1\n')).toEqual({ line: 2, column: 2, code: 'empty-cell', message: 'Line 2, column 2 is empty; every cell needs a number.' });
  });

  it('not-a-number, quoting (and shortening) the text', () => {
    expect(onlyError('x,t\n1,0\n0x10,1\n')).toEqual({ line: 3, column: 1, code: 'not-a-number', text: '0x10', message: 'Line 3, column 1: "0x10" is not a number.' });
    const long = 'z'.repeat(50);
    expect(onlyError(`1,0\n${long},1`).message).toBe(`Line 2, column 1: "${'z'.repeat(40)}…" is not a number.`);
    expect(onlyError('1,0\n1,NaN').text).toBe('NaN');
    expect(onlyError('1,0\n1,Infinity').code).toBe('not-a-number');
  });

  it('not-finite', () => {
    expect(onlyError('1,0\n1e999,1\n')).toEqual({ line: 2, column: 1, code: 'not-finite', text: '1e999', message: 'Line 2, column 1: "1e999" is too large; numbers must be finite.' });
  });

  it('labels-not-binary (only with loss bce)', () => {
    expect(onlyError('x,t\n1,0\n2,0.5\n', { loss: 'bce' })).toEqual({
      line: 3,
      column: 2,
      code: 'labels-not-binary',
      text: '0.5',
      message: 'Line 3, column 2: the label "0.5" must be 0 or 1 for binary cross-entropy (bce).',
    });
    expect(ok(parseCsv('x,t\n1,0\n2,0.5\n', { loss: 'mse' })).dataset.task).toBe('regression');
  });

  it('labels-not-classes (only with loss ce): a label must be a whole number from 0 to 9', () => {
    const list = errors(parseCsv('x,c\n1,0\n2,2.5\n3,10\n4,-1\n5,9\n', { loss: 'ce' }));
    expect(list.map((e) => [e.line, e.column, e.code, e.text])).toEqual([
      [3, 2, 'labels-not-classes', '2.5'], [4, 2, 'labels-not-classes', '10'], [5, 2, 'labels-not-classes', '-1'],
    ]);
    expect(list[0].message).toBe(
      'Line 3, column 2: the label "2.5" is not a class; with softmax and cross-entropy (ce) every label must be a whole number from 0 to 9. ' +
      'To load real-valued targets, choose another loss first.',
    );
    expect(list[0].params).toEqual({ max: 9 });
  });

  it('too-few-classes (with loss ce): every label 0', () => {
    expect(onlyError('1,0\n2,0\n3,0\n', { loss: 'ce' })).toEqual({
      line: 0, column: 2, code: 'too-few-classes',
      message: 'Every label in column 2 is 0; softmax with cross-entropy needs at least two classes (labels 0 and 1).',
    });
  });

  it('too-many-rows, and scanning stops there', () => {
    const text = 'a,b\n1,0\n2,1\n3,0\nnot,numbers,at all\n';
    expect(onlyError(text, { maxRows: 2 })).toEqual({
      line: 4,
      code: 'too-many-rows',
      message: 'Line 4: the file has more than 2 data rows; at most 2 are allowed.',
      params: { max: 2 },
    });
  });

  it('too-few-rows', () => {
    expect(onlyError('a,b\n1,0\n')).toEqual({
      line: 0,
      code: 'too-few-rows',
      message: 'The file has 1 data row; at least 2 are needed, one to train on and one to test.',
      params: { count: 1 },
    });
    expect(onlyError('a,b\n').message).toBe('The file has 0 data rows; at least 2 are needed, one to train on and one to test.');
  });

  it('more-errors: lists 20, then one summary', () => {
    const text = ['a,b', ...Array.from({ length: 30 }, (_, i) => `x${i},1`)].join('\n');
    const list = errors(parseCsv(text));
    expect(list).toHaveLength(21);
    expect(list[19]).toMatchObject({ line: 21, column: 1, code: 'not-a-number' });
    expect(list[20]).toEqual({ line: 0, code: 'more-errors', message: '10 more problems not listed.', params: { count: 10 } });
  });

  it('too-many-rows is listed even after 20 other errors', () => {
    const text = ['a,b', ...Array.from({ length: 30 }, () => 'x,1')].join('\n');
    const list = errors(parseCsv(text, { maxRows: 25 }));
    expect(list.map((e) => e.code)).toEqual([...Array(20).fill('not-a-number'), 'too-many-rows', 'more-errors']);
    expect(list[20].line).toBe(27);
    expect(list[21].message).toBe('5 more problems not listed.');
  });

  it('invalid-option, one per bad option', () => {
    const list = errors(parseCsv('1,0\n2,1', { loss: 'hinge' as 'bce', trainFraction: 1, maxRows: 1, maxColumns: 1.5 }));
    expect(list).toEqual([
      { line: 0, code: 'invalid-option', message: `loss must be 'bce', 'mse' or 'ce' (got "hinge").` },
      { line: 0, code: 'invalid-option', message: 'trainFraction must be a number between 0 and 1, exclusive (got 1).' },
      { line: 0, code: 'invalid-option', message: 'maxRows must be an integer from 2 to 10000000 (got 1).' },
      { line: 0, code: 'invalid-option', message: 'maxColumns must be an integer from 2 to 1025 (got 1.5).' },
    ]);
  });

  it('internal-error: anything unexpected is caught, not thrown', () => {
    const hostile = {
      get trainFraction(): number {
        throw new Error('boom');
      },
    };
    expect(onlyError('1,0\n2,1', hostile)).toEqual({ line: 0, code: 'internal-error', message: 'The file could not be read: boom' });
  });
});

describe('parseCsv: warnings', () => {
  it('constant-column names the column', () => {
    const { warnings } = ok(parseCsv('a,b,t\n1,5,0\n2,5,1\n'));
    expect(warnings).toEqual([
      { line: 0, column: 2, code: 'constant-column', text: 'b', message: 'Column 2 ("b") has the value 5 in every row, so it cannot help tell samples apart.' },
    ]);
  });

  it('one-class', () => {
    const { warnings } = ok(parseCsv('1,1\n2,1\n', { loss: 'bce' }));
    expect(warnings).toEqual([{ line: 0, column: 2, code: 'one-class', message: 'Every label in column 2 is 1; a classifier needs examples of both 0 and 1.' }]);
  });
});

describe('parseCsv: class labels 0 … K − 1 load as K classes, one-hot', () => {
  it('whole numbers 0 to 2 are 3 classes: Y is 3 × m, one 1 per column, and a note says so', () => {
    const { dataset, warnings } = ok(parseCsv('a,b,kind\n1,2,2\n3,4,0\n5,6,1\n7,8,2\n9,10,0\n', { trainFraction: 0.8 }));
    expect(dataset).toMatchObject({ task: 'multiclass', inputSize: 2, outputSize: 3, targetName: 'kind' });
    expect(toRows(dataset.train.Y)).toEqual([[0, 1, 0, 0], [0, 0, 1, 0], [1, 0, 0, 1]]);
    expect(toRows(dataset.test.Y)).toEqual([[1], [0], [0]]);
    expect(warnings).toEqual([{
      line: 0, column: 3, code: 'classes', params: { count: 3, max: 2 },
      message: 'Column 3 holds whole numbers from 0 to 2: loaded as 3 classes, for a softmax output with cross-entropy.',
    }]);
  });

  it('ten classes at most; a label with no rows is named', () => {
    const rows = [0, 1, 2, 3, 4, 5, 6, 7, 9].map((k, i) => `${i},${k}`).join('\n');
    const { dataset, warnings } = ok(parseCsv(rows));
    expect(dataset.outputSize).toBe(10);
    expect(warnings.map((w) => w.code)).toEqual(['classes', 'empty-class']);
    expect(warnings[1]).toEqual({
      line: 0, column: 2, code: 'empty-class', params: { label: 8, count: 9 },
      message: 'No row has the label 8, so output 9 is never the right answer.',
    });
  });

  it('with loss ce, 0/1 labels are two classes (softmax over two outputs), without a note', () => {
    const { dataset, warnings } = ok(parseCsv('1,0\n2,1\n3,1\n', { loss: 'ce' }));
    expect([dataset.task, dataset.outputSize, warnings]).toEqual(['multiclass', 2, []]);
  });

  it('whole numbers past 9 stay a real-valued target, with a note saying why', () => {
    const { dataset, warnings } = ok(parseCsv('1,3\n2,12\n3,0\n'));
    expect(dataset.task).toBe('regression');
    expect(warnings).toEqual([{
      line: 0, column: 2, code: 'too-many-classes', params: { count: 12, max: 9 },
      message: 'Column 2 holds whole numbers up to 12: read as a real-valued target (regression), since class labels go from 0 to 9.',
    }]);
  });

  it('0/1 labels stay binary (one sigmoid output), and fractions or negatives stay regression, without notes', () => {
    expect(ok(parseCsv('1,0\n2,1\n')).dataset).toMatchObject({ task: 'classification', outputSize: 1 });
    for (const text of ['1,0\n2,2.5\n3,1\n', '1,-1\n2,2\n3,1\n']) {
      const { dataset, warnings } = ok(parseCsv(text));
      expect([dataset.task, warnings]).toEqual(['regression', []]);
    }
  });
});

describe('parseCsv: properties', () => {
  const csvChars = fc.constantFrom(...'0123456789.,;\t\n\r"-+eE xy\uFEFF'.split(''));

  test.prop([fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: csvChars, maxLength: 300 })), fc.constantFrom<CsvOptions>({}, { loss: 'bce' }, { loss: 'ce' }, { loss: 'mse', maxRows: 3 }, { maxColumns: 2 })], { numRuns: 500 })(
    'never throws, and every issue has a line, a code and a message',
    (text, options) => {
      const result = parseCsv(text, options);
      const issues = result.ok ? result.warnings : result.errors;
      if (!result.ok) expect(issues.length).toBeGreaterThan(0);
      for (const issue of issues) {
        expect(Number.isInteger(issue.line) && issue.line >= 0).toBe(true);
        expect(issue.code).toMatch(/^[a-z-]+$/);
        expect(issue.message.length).toBeGreaterThan(0);
      }
    },
  );

  const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
  const rowsOf = (width: number) => fc.array(fc.array(finite, { minLength: width, maxLength: width }), { minLength: 2, maxLength: 30 });

  test.prop([fc.integer({ min: 2, max: 6 }).chain(rowsOf), fc.boolean(), fc.constantFrom('\n', '\r\n')], { numRuns: 200 })(
    'numbers written with String() are read back exactly',
    (rows, withHeader, eol) => {
      const width = rows[0].length;
      const lines = rows.map((r) => r.map(String).join(','));
      const header = Array.from({ length: width }, (_, j) => `c${j}`).join(',');
      const { dataset } = ok(parseCsv((withHeader ? [header, ...lines] : lines).join(eol) + eol, { loss: 'mse' }));
      const m = rows.length;
      const back = (j: number) => {
        const split = j < width - 1 ? 'X' : 'Y';
        const row = j < width - 1 ? j : 0;
        const a = toRows(dataset.train[split])[row];
        return [...a, ...toRows(dataset.test[split])[row]];
      };
      for (let j = 0; j < width; j++) expect(back(j)).toEqual(rows.map((r) => r[j] + 0));
      expect(dataset.train.X.cols + dataset.test.X.cols).toBe(m);
    },
  );
});
