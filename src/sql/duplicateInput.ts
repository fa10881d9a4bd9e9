import { LEAD_FACTS } from './leadFacts';

/**
 * The columns of every lead the duplicate scan reads (src/domain/quality/duplicateScan.ts's
 * LeadKeyBatch): its file and line, id, creation as days since 1970 (none: 9999-12-31, the latest)
 * and its contact fields as stored; and its country, for the phone judge that reads the same rows.
 * The engine hands them over as they are: the keys, even the e-mail's syntax, are made outside it
 * (see there why).
 */
export function duplicateInputSql(): string {
  return [
    `SELECT _source, _line, lead_id::VARCHAR AS lead_id, (coalesce(created_at::DATE, DATE '9999-12-31') - DATE '1970-01-01')::INTEGER AS created_day,`,
    `email, company, contact_name, region, phone, country FROM ${LEAD_FACTS}`,
  ].join(' ');
}

/** The scan's table (DuplicateScan's columns): every lead in a cluster, its cluster's first entry, whether it is a later entry, the match bits. */
export const DUPLICATE_COLUMNS = '_source VARCHAR, _line INTEGER, cluster_source VARCHAR, cluster_line INTEGER, later BOOLEAN, matches UTINYINT';

/** No duplicates: the scan's table's columns without a row. */
export const NO_DUPLICATES = '(SELECT NULL::VARCHAR AS _source, NULL::INTEGER AS _line, NULL::VARCHAR AS cluster_source, NULL::INTEGER AS cluster_line, FALSE AS later, 0::UTINYINT AS matches WHERE FALSE)';
