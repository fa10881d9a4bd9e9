import { toRows } from '../db/arrowRows';
import type { Db } from '../db/types';
import { qualityFigures, topProblems } from '../domain/quality/figures';
import type { QualityRuleId } from '../domain/quality/rules';
import { qualityFiguresSql } from '../sql/qualityFigures';
import { buildQualityScores, dropQualityTables, type QualityBuild, type QualityBuildOptions } from './qualityScores';

/** What an import or ETL report says of the loaded leads' quality, beside its rejected rows. */
export interface QualitySummary {
  /** yyyy-mm-dd the dates in the future and the dead files were counted from. */
  readonly asOf: string;
  readonly leads: number;
  /** Mean score 0–100; null without leads. */
  readonly score: number | null;
  /** Leads that lost a point. */
  readonly flagged: number;
  /** The rules most leads fail, most first (at most `top`), with those leads. */
  readonly problems: readonly { readonly rule: QualityRuleId; readonly leads: number }[];
  readonly duplicateClusters: number;
  /** Leads in a duplicate cluster. */
  readonly duplicateLeads: number;
  /** The rules' columns the data does not have at all (their rules not scored). */
  readonly absentColumns: readonly string[];
}

/** The summary of a scoring already built (the Data quality page's, say). */
export async function summaryOfBuild(db: Db, build: QualityBuild, options: QualityBuildOptions, top = 3): Promise<QualitySummary> {
  const row = toRows(await db.query(qualityFiguresSql({ ...options, settings: build.settings, filter: [], scores: build.tables.scores }, 'total')))[0] ?? {};
  const figures = qualityFigures(row, build.settings);
  return {
    asOf: options.asOf,
    leads: figures.leads,
    score: figures.score,
    flagged: figures.flagged,
    problems: topProblems(figures, top),
    duplicateClusters: build.clusterCount,
    duplicateLeads: build.clusteredLeads,
    absentColumns: build.absentColumns,
  };
}

/** Scores the loaded leads, summarises and drops the scoring again (the ETL's report). */
export async function qualitySummary(db: Db, options: QualityBuildOptions): Promise<QualitySummary> {
  const build = await buildQualityScores(db, options);
  try {
    return await summaryOfBuild(db, build, options);
  } finally {
    await dropQualityTables(db, build.tables);
  }
}
