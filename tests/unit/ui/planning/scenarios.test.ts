import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { segmentKey, type PlanEdits } from '../../../../src/domain/planning/edits';
import { compareScenarios, DEFAULT_SCENARIO_OPTIONS, type Scenario } from '../../../../src/domain/planning/scenario';
import { decodeViewState } from '../../../../src/state/urlCodec';
import { INITIAL_VIEW, setValues } from '../../../../src/state/viewState';
import { createLeadsWorkbook } from '../../../../src/ui/export/leadsWorkbook';
import { comparisonCells, comparisonCsv, comparisonWorkbookColumns, type ComparisonHeaders } from '../../../../src/ui/pages/planning/scenarios/comparisonExport';
import { loadScenarios, removeScenario, renameScenario, saveScenarios, SCENARIOS_KEY, uniqueName } from '../../../../src/ui/pages/planning/scenarios/scenarioStore';
import { isUnchanged, linkWithScenario, openingNotice, parseSegmentKey } from '../../../../src/ui/pages/planning/scenarios/scenariosModel';
import { plan, segment } from '../../domain/planning/planFixtures';

const edits: PlanEdits = { segments: { [segmentKey('web', 'Nord')]: { dealSize: 1500 } }, targets: { Nord: 100_000 }, extraLeadCaps: {} };
const scenario = (id: string, name: string): Scenario => ({ id, name, createdAt: '2026-04-16T08:00:00.000Z', edits, options: DEFAULT_SCENARIO_OPTIONS, dataFingerprint: 'fp1' });

function memoryStorage(initial: string | null = null) {
  const items = new Map<string, string>();
  if (initial !== null) items.set(SCENARIOS_KEY, initial);
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('scenario store', () => {
  it('saves and loads a versioned list', () => {
    const storage = memoryStorage();
    expect(saveScenarios(storage, [scenario('a', 'Basis'), scenario('b', 'Mehr Messe')])).toBe(true);
    expect(JSON.parse(storage.items.get(SCENARIOS_KEY)!).v).toBe(1);
    expect(loadScenarios(storage)).toEqual({ scenarios: [scenario('a', 'Basis'), scenario('b', 'Mehr Messe')], notice: null, dropped: 0 });
  });

  it('starts empty without a list, and empty with a notice on corrupt JSON', () => {
    expect(loadScenarios(memoryStorage())).toEqual({ scenarios: [], notice: null, dropped: 0 });
    expect(loadScenarios(null)).toEqual({ scenarios: [], notice: null, dropped: 0 });
    expect(loadScenarios(memoryStorage('{"v":1,"scenarios":[{"id"'))).toEqual({ scenarios: [], notice: 'corrupt', dropped: 0 });
    expect(loadScenarios(memoryStorage('[1,2,3]')).notice).toBe('corrupt');
    expect(loadScenarios(memoryStorage('{"scenarios":[]}')).notice).toBe('corrupt');
    expect(loadScenarios(memoryStorage('{"v":2,"scenarios":[]}')).notice).toBe('newer');
    const throwing = { getItem: () => { throw new Error('denied'); } };
    expect(loadScenarios(throwing)).toEqual({ scenarios: [], notice: null, dropped: 0 });
  });

  it('drops single bad entries and duplicate ids, and says how many', () => {
    const text = JSON.stringify({ v: 1, scenarios: [scenario('a', 'Basis'), { id: 'x' }, scenario('a', 'Again'), { ...scenario('c', 'C'), edits: { segments: { bad: {} }, targets: {}, extraLeadCaps: {} } }] });
    expect(loadScenarios(memoryStorage(text))).toEqual({ scenarios: [scenario('a', 'Basis')], notice: 'dropped', dropped: 3 });
  });

  it('reports a refused write', () => {
    expect(saveScenarios({ setItem: () => { throw new Error('QuotaExceededError'); } }, [scenario('a', 'A')])).toBe(false);
    expect(saveScenarios(null, [])).toBe(false);
  });

  it('renames, removes and finds a free name', () => {
    const list = [scenario('a', 'Basis'), scenario('b', 'Basis (2)')];
    expect(renameScenario(list, 'b', 'Neu').map((s) => s.name)).toEqual(['Basis', 'Neu']);
    expect(removeScenario(list, 'a').map((s) => s.id)).toEqual(['b']);
    expect(uniqueName(list, 'Basis')).toBe('Basis (3)');
    expect(uniqueName(list, ' Anders ')).toBe('Anders');
  });
});

describe('opening a scenario', () => {
  const defaults = plan([segment({ medium: 'web', unit: 'Süd' })]);

  it('says when the data differs and names edits without a segment', () => {
    expect(openingNotice({ edits, dataFingerprint: 'fp1' }, 'fp2', defaults)).toEqual({ otherData: { made: 'fp1', loaded: 'fp2' }, unmatched: [{ medium: 'web', unit: 'Nord' }] });
  });

  it('says nothing when the data and segments match', () => {
    const matching = plan([segment({ medium: 'web', unit: 'Nord' })]);
    expect(openingNotice({ edits, dataFingerprint: 'fp1' }, 'fp1', matching)).toBeNull();
  });

  it('names all edits when no defaults could be made', () => {
    expect(openingNotice({ edits, dataFingerprint: 'fp1' }, 'fp1', null)?.unmatched).toEqual([{ medium: 'web', unit: 'Nord' }]);
  });

  it('reads segment keys back', () => {
    expect(parseSegmentKey(segmentKey('Messe "Nord"', '(none)'))).toEqual({ medium: 'Messe "Nord"', unit: '(none)' });
    expect(parseSegmentKey('garbage')).toEqual({ medium: 'garbage', unit: '' });
  });

  it('knows the unchanged defaults', () => {
    expect(isUnchanged({ segments: {}, targets: {}, extraLeadCaps: {} }, DEFAULT_SCENARIO_OPTIONS)).toBe(true);
    expect(isUnchanged({ segments: {}, targets: {}, extraLeadCaps: {}, margin: 0.5 }, DEFAULT_SCENARIO_OPTIONS)).toBe(false);
    expect(isUnchanged(edits, DEFAULT_SCENARIO_OPTIONS)).toBe(false);
    expect(isUnchanged({ segments: {}, targets: {}, extraLeadCaps: {} }, { ...DEFAULT_SCENARIO_OPTIONS, byUnit: true })).toBe(false);
  });
});

describe('scenario links', () => {
  it('keeps the page and the filters and adds sc=', () => {
    const view = setValues(INITIAL_VIEW, 'medium', ['web']);
    const link = linkWithScenario('https://leadloop.example/app/#/planning?v=1&m=event', view, 'abc_-1');
    expect(link).toBe('https://leadloop.example/app/#/planning?v=1&m=web&sc=abc_-1');
    expect(decodeViewState(link.slice(link.indexOf('?') + 1)).state).toEqual({ ...view, scenario: 'abc_-1' });
    expect(linkWithScenario('https://x.example/', INITIAL_VIEW, 'q')).toBe('https://x.example/#/planning?v=1&sc=q');
    expect(linkWithScenario('https://x.example/#/planning?v=1&sc=old', { ...INITIAL_VIEW, scenario: 'old' }, null)).toBe('https://x.example/#/planning?v=1');
  });
});

describe('comparison export', () => {
  const comparison = compareScenarios([
    { id: 'a', name: 'Basis', figures: { revenue: 10_000.456, cost: 2000, roi: 1.5, probability: 0.3456, gap: -500 } },
    { id: 'b', name: '=HYPERLINK("x")', figures: { revenue: 8000, cost: null, roi: null, probability: null, gap: 1500 } },
  ]);
  const headers: ComparisonHeaders = { scenario: 'Szenario', revenue: 'Umsatz', cost: 'Kosten', roi: 'ROI (%)', probability: 'W. (%)', gap: 'Lücke' };

  it('writes CSV with a BOM, formula-safe names, percent for ROI and probability', () => {
    expect(comparisonCsv(comparison, headers, false)).toBe(
      '\uFEFFSzenario,Umsatz,Kosten,ROI (%),W. (%),Lücke\r\nBasis,10000.46,2000,150,34.56,-500\r\n"\'=HYPERLINK(""x"")",8000,,,,1500',
    );
  });

  it('writes the German Excel variant with ; and a decimal comma', () => {
    expect(comparisonCsv(comparison, headers, true)).toBe(
      '\uFEFFSzenario;Umsatz;Kosten;ROI (%);W. (%);Lücke\r\nBasis;10000,46;2000;150;34,56;-500\r\n"\'=HYPERLINK(""x"")";8000;;;;1500',
    );
  });

  it('fills a workbook with typed cells (as the export worker does)', async () => {
    const workbook = await createLeadsWorkbook(comparisonWorkbookColumns(headers), 'Szenarien');
    workbook.addRows(comparisonCells(comparison));
    const read = new ExcelJS.Workbook();
    await read.xlsx.load((await workbook.finish()) as unknown as ArrayBuffer);
    const sheet = read.getWorksheet('Szenarien')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Szenario', 'Umsatz', 'Kosten', 'ROI (%)', 'W. (%)', 'Lücke']);
    expect(sheet.getRow(2).values).toEqual([undefined, 'Basis', 10000.46, 2000, 150, 34.56, -500]);
    expect(sheet.getCell('A3').value).toBe('=HYPERLINK("x")');
    expect(sheet.getCell('A3').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('C3').value).toBeNull();
  });
});
