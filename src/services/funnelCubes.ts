import type { Table } from 'apache-arrow';
import { textColumn } from '../db/arrowRows';
import type { Db } from '../db/types';
import { answerFromCube, CUBE_DIMENSIONS, type CubeCells, type CubeDimension, type FunnelCube, type FunnelRequest, type LagLevel } from '../domain/funnelCube';
import { monthsCondition, type LeadFilter } from '../domain/leadFilter';
import type { Pipeline } from '../domain/pipeline';
import {
  createFunnelCubesSql,
  createLagBinsSql,
  createLagLevelSql,
  cubeAsOfSql,
  cubeDictionarySql,
  dropLagReadTablesSql,
  endedTotalColumn,
  funnelCellsSql,
  lagBinsSql,
  lagLevelCellsSql,
  lagLevelEntriesSql,
} from '../sql/funnelCube';

/**
 * The lag grains kept in memory, coarsest first: months alone answer the unfiltered page, the
 * middle grain medium/channel/sales-unit filters, the full grain (with owner) the rest.
 */
const LAG_GRAINS: readonly (readonly CubeDimension[])[] = [[], ['medium', 'channel', 'sales_unit'], CUBE_DIMENSIONS];

/**
 * Builds the Funnel page's cube from the loaded leads, once per change of the data, and reads it
 * into memory: every cross-filter is then answered on the main thread from typed arrays.
 */
export async function buildFunnelCube(db: Db, pipeline: Pipeline): Promise<FunnelCube> {
  for (const statement of createFunnelCubesSql(pipeline)) await db.query(statement);
  return readFunnelCube(db, pipeline);
}

async function readFunnelCube(db: Db, pipeline: Pipeline): Promise<FunnelCube> {
  const dictionary = async (column: CubeDimension | 'month') => textColumn((await db.query(cubeDictionarySql(column))).getChild('value'));
  const months = await dictionary('month');
  const values = {} as Record<CubeDimension, (string | null)[]>;
  for (const dimension of CUBE_DIMENSIONS) values[dimension] = await dictionary(dimension);
  const coder = new Coder(months, values);

  const funnelTable = await db.query(funnelCellsSql(pipeline));
  const funnel = {
    ...coder.cells(funnelTable, CUBE_DIMENSIONS),
    leads: intColumn(funnelTable, 'leads'),
    ended: pipeline.terminal.map((_, t) => intColumn(funnelTable, endedTotalColumn(t))),
  };
  const asOf = textColumn((await db.query(cubeAsOfSql())).getChild('as_of'))[0] ?? null;

  await db.query(createLagBinsSql());
  const binTable = await db.query(lagBinsSql());
  const [spanFrom, spanTo, days] = ['span_from', 'span_to', 'days'].map((name) => intColumn(binTable, name)) as [Int32Array, Int32Array, Int32Array];
  const bins = Array.from(days, (d, i) => ({ spanFrom: spanFrom[i]!, spanTo: spanTo[i]!, days: d }));

  const lagLevels: LagLevel[] = [];
  try {
    for (const grain of LAG_GRAINS) {
      await db.query(createLagLevelSql(grain));
      const cells = coder.cells(await db.query(lagLevelCellsSql(grain)), grain);
      const entries = await db.query(lagLevelEntriesSql());
      const cell = intColumn(entries, 'cell');
      lagLevels.push({ cells, offsets: offsetsOf(cell, cells.size), bin: intColumn(entries, 'bin'), leads: intColumn(entries, 'leads') });
    }
  } finally {
    for (const statement of dropLagReadTablesSql()) await db.query(statement);
  }
  return { pipeline, months, values, asOf, funnel, bins, lagLevels };
}

/** Turns month texts and dimension values into codes of the dictionaries. */
class Coder {
  private readonly monthCodes: Map<string | null, number>;
  private readonly valueCodes: Map<CubeDimension, Map<string | null, number>>;

  constructor(months: readonly (string | null)[], values: Readonly<Record<CubeDimension, readonly (string | null)[]>>) {
    this.monthCodes = codesOf(months);
    this.valueCodes = new Map(CUBE_DIMENSIONS.map((d) => [d, codesOf(values[d])]));
  }

  cells(table: Table, dimensions: readonly CubeDimension[]): CubeCells {
    const encode = (column: string, codes: Map<string | null, number>) => {
      const texts = textColumn(table.getChild(column));
      const encoded = new Int32Array(texts.length);
      texts.forEach((v, i) => {
        const code = codes.get(v);
        if (code === undefined) throw new Error(`${column} "${v}" is not in the cube's dictionary`);
        encoded[i] = code;
      });
      return encoded;
    };
    return {
      size: table.numRows,
      month: encode('month', this.monthCodes),
      dimensions: Object.fromEntries(dimensions.map((d) => [d, encode(d, this.valueCodes.get(d)!)])),
      r: intColumn(table, 'r'),
    };
  }
}

const codesOf = (dictionary: readonly (string | null)[]) => new Map(dictionary.map((v, i) => [v, i]));

/** An INTEGER column as one Int32Array (toArray joins the result's batches; the ETL's engine gives BIGINTs). */
function intColumn(table: Table, name: string): Int32Array {
  const vector = table.getChild(name);
  if (!vector) throw new Error(`The cube has no column ${name}`);
  if (vector.nullCount > 0) throw new Error(`The cube's ${name} has NULLs`);
  // Copied typed array to typed array: Int32Array.from(values, Number) went through the iterator
  // protocol and left ~150 MB of garbage per 1M-lead build in the browser, whose collection later
  // stalled a cross-filter for 150–250 ms. (The cube's SQL casts to INTEGER; the native engine's
  // adapter still hands 64-bit integers, which need a conversion each.)
  const values = vector.toArray() as ArrayLike<number> | BigInt64Array;
  if (!(values instanceof BigInt64Array)) return new Int32Array(values);
  const converted = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) converted[i] = Number(values[i]);
  return converted;
}

/** offsets[c] = the first entry of cell c, for entries sorted by cell; offsets[size] = entries. */
function offsetsOf(cell: Int32Array, size: number): Int32Array {
  const offsets = new Int32Array(size + 1);
  for (const c of cell) offsets[c + 1]!++;
  for (let c = 0; c < size; c++) offsets[c + 1]! += offsets[c]!;
  return offsets;
}

/**
 * Jobs that answer one request of every kind under a filter on each cube dimension and on a month,
 * throwing the answers away (each tells whether the cube answered). Run while the page is idle
 * after a build, they let the user's first cross-filter run code the engine has already compiled
 * and optimised (a first answer took 4–5× as long as later ones: 19 ms against 4 ms at 1M leads).
 */
export function cubeWarmUps(cube: FunnelCube): (() => boolean)[] {
  const month = cube.months.find((m) => m !== null);
  const filters: LeadFilter[] = CUBE_DIMENSIONS.map((dimension) => [{ kind: 'values', dimension, values: [cube.values[dimension][0] ?? null] }]);
  if (month) filters.push([monthsCondition(month)]);
  const requests: FunnelRequest[] = [{ kind: 'stages' }, { kind: 'split', dimension: 'medium' }, { kind: 'cohorts' }, { kind: 'trend', dimension: 'medium' }, { kind: 'velocity' }, { kind: 'lagHistogram' }];
  return filters.flatMap((filter) => requests.map((request) => () => answerFromCube(cube, request, filter) !== null));
}
