import { describe, expect, it } from 'vitest';
import { completeRecords, unclosedQuote } from '../../../src/ingest/csvHead';

describe('completeRecords', () => {
  it('cuts a head after its last complete record', () => {
    expect(completeRecords('a,b\n1,2\n3,', false)).toBe('a,b\n1,2\n');
  });

  it('does not cut inside a quoted cell that holds a line break', () => {
    expect(completeRecords('a,b\n1,"x\ny', false)).toBe('a,b\n');
    expect(completeRecords('a,b\n1,"x\ny"\n2,"z', false)).toBe('a,b\n1,"x\ny"\n');
  });

  it('reads doubled quotes as escaped quotes, not as the end of the cell', () => {
    expect(completeRecords('a,b\n1,"say ""hi""\n"\n2', false)).toBe('a,b\n1,"say ""hi""\n"\n');
  });

  it('keeps a whole file as it is, also without a final line feed', () => {
    expect(completeRecords('a,b\n1,2', true)).toBe('a,b\n1,2');
  });
});

describe('unclosedQuote', () => {
  it('names the line and column where a quoted cell opens that never closes', () => {
    expect(unclosedQuote('a,b,c\n1,2,3\n4,"x\n5,6', ',')).toEqual({ line: 3, column: 2 });
    expect(unclosedQuote('a;b\n"1;2', ';')).toEqual({ line: 2, column: 1 });
  });

  it('finds none when every quote closes, doubled quotes and line breaks in cells included', () => {
    expect(unclosedQuote('a,b\n1,"say ""hi""\nthere"\n2,3', ',')).toBeNull();
  });
});
