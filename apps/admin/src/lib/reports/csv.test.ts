import { describe, expect, it } from 'vitest';
import { csvCell, csvFileName, toCsv } from './csv';

describe('csvCell', () => {
  it.each([
    ['plain', '"plain"'],
    ['say "hi"', '"say ""hi"""'],
    ['a,b\nc', '"a,b\nc"'],
    ['=SUM(A1:A9)', `"'=SUM(A1:A9)"`],
    ['+1', `"'+1"`],
    ['-2', `"'-2"`],
    ['@cmd', `"'@cmd"`],
    ['\tTAB', `"'\tTAB"`],
    ['Ана', '"Ана"'],
    [87.3, '"87.3"'],
    [-1.5, '"-1.5"'],
    [0, '"0"'],
    [null, '""'],
    [Number.NaN, '""'],
  ] as const)('%j → %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('toCsv', () => {
  it('writes a BOM, the header and one CRLF-ended line per row', () => {
    expect(
      toCsv(
        ['Team', 'n'],
        [
          ['Billing', 12],
          ['=evil', null],
        ],
      ),
    ).toBe('\uFEFF"Team","n"\r\n"Billing","12"\r\n"\'=evil",""\r\n');
  });

  it('writes only the header for no rows', () => {
    expect(toCsv(['a'], [])).toBe('\uFEFF"a"\r\n');
  });
});

describe('csvFileName', () => {
  it('slugs the words', () => {
    expect(csvFileName('CSAT trend', '2026-11-01', '2026-11-30')).toBe(
      'csat-trend-2026-11-01-2026-11-30.csv',
    );
    expect(csvFileName('***')).toBe('report.csv');
  });
});
