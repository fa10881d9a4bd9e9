import { describe, expect, it } from 'vitest';
import { completeRecords } from '../../../src/ingest/csvHead';

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
