import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEAD_FILE_DAYS_RANGE,
  DEFAULT_DIMENSION_WEIGHT,
  DEFAULT_QUALITY_SETTINGS,
  DIMENSION_WEIGHT_MAX,
  dimensionPoints,
  QUALITY_DIMENSIONS,
  QUALITY_RULES,
  RULE_WEIGHT_MAX,
  rulePoints,
  setDimensionWeight,
  setRule,
  type QualitySettings,
} from '../../../domain/quality/rules';
import { qualityLinkOf } from '../../../domain/quality/settingsLink';
import { formatNumber } from '../../i18n/format';
import type { RulesSource } from './rulesInForce';


interface SettingsPanelProps {
  readonly settings: QualitySettings;
  readonly source: RulesSource;
  readonly onChange: (next: QualitySettings) => void;
  /** Rules left out because the data lacks their column: shown off, not switchable. */
  readonly absentRules: ReadonlySet<string>;
}

/**
 * The rules: the dimensions weighted against each other, each rule switched on or off and weighted
 * within its dimension, and the dead-file days; and the way back to the defaults. In the link with the filters.
 */
export function SettingsPanel({ settings, source, onChange, absentRules }: SettingsPanelProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const daysId = useId();
  const points = new Map(rulePoints(settings).map((p) => [p.rule.id, p.points]));
  const shares = dimensionPoints(settings);
  const atDefaults = qualityLinkIsEmpty(settings);
  return (
    <details className="table-disclosure panel quality-settings" data-testid="quality-settings">
      <summary>{t('qualityPage.settings')}</summary>
      <p className="muted">{t('qualityPage.settingsNote')}</p>
      <p className="muted" data-testid="quality-rules-source" data-source={source}>
        {t(`qualityPage.rulesSource.${source}`)}
      </p>
      <p>
        <button type="button" disabled={atDefaults && source === 'defaults'} onClick={() => onChange(DEFAULT_QUALITY_SETTINGS)} data-testid="quality-reset">
          {t('qualityPage.reset')}
        </button>
      </p>
      <label htmlFor={daysId}>{t('qualityPage.deadFileDays')} </label>
      <input
        id={daysId}
        type="number"
        min={DEAD_FILE_DAYS_RANGE.min}
        max={DEAD_FILE_DAYS_RANGE.max}
        value={settings.deadFileDays}
        data-testid="dead-file-days"
        onChange={(e) => {
          const days = Math.round(Number(e.target.value));
          if (days >= DEAD_FILE_DAYS_RANGE.min && days <= DEAD_FILE_DAYS_RANGE.max) onChange({ ...settings, deadFileDays: days });
        }}
      />
      <div className="table-scroll">
        <table className="data-table" aria-label={t('qualityPage.dimensionWeights')} data-testid="quality-dimension-weights">
          <thead>
            <tr>
              <th scope="col">{t('qualityPage.dimension')}</th>
              <th scope="col">{t('qualityPage.weight')}</th>
              <th scope="col" className="num">{t('qualityPage.dimensionShare')}</th>
            </tr>
          </thead>
          <tbody>
            {QUALITY_DIMENSIONS.map((dimension) => {
              const name = t(`qualityPage.dimensions.${dimension}`);
              const share = shares.get(dimension) ?? 0;
              return (
                <tr key={dimension} data-dimension={dimension} data-points={share}>
                  <th scope="row">{name}</th>
                  <td>
                    <WeightInput
                      label={t('qualityPage.dimensionWeight', { dimension: name })}
                      value={settings.dimensions[dimension] ?? DEFAULT_DIMENSION_WEIGHT}
                      max={DIMENSION_WEIGHT_MAX}
                      onWeight={(weight) => onChange(setDimensionWeight(settings, dimension, weight))}
                    />
                  </td>
                  <td className="num">{share > 0 ? formatNumber(lang, share, 1, 1) : '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="table-scroll">
        <table className="data-table" aria-label={t('qualityPage.settings')}>
          <thead>
            <tr>
              <th scope="col">{t('qualityPage.rule')}</th>
              <th scope="col">{t('qualityPage.counts')}</th>
              <th scope="col">{t('qualityPage.weight')}</th>
              <th scope="col" className="num">{t('qualityPage.points')}</th>
            </tr>
          </thead>
          <tbody>
            {QUALITY_RULES.map((rule) => {
              const own = settings.rules[rule.id];
              const absent = absentRules.has(rule.id);
              const name = t(`qualityPage.rules.${rule.id}`);
              return (
                <tr key={rule.id} data-rule={rule.id}>
                  <th scope="row">{name}</th>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('qualityPage.ruleOn', { rule: name })}
                      checked={!absent && own?.enabled !== false}
                      disabled={absent}
                      onChange={(e) => onChange(setRule(settings, rule.id, { enabled: e.target.checked }))}
                    />
                    {absent && <small className="muted"> {t('qualityPage.notInData')}</small>}
                  </td>
                  <td>
                    <WeightInput label={t('qualityPage.ruleWeight', { rule: name })} value={own?.weight ?? rule.weight} max={RULE_WEIGHT_MAX} onWeight={(weight) => onChange(setRule(settings, rule.id, { weight }))} />
                  </td>
                  <td className="num">{points.has(rule.id) && !absent ? formatNumber(lang, points.get(rule.id)!, 1, 1) : '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}

const qualityLinkIsEmpty = (settings: QualitySettings) => Object.keys(qualityLinkOf(settings)).length === 0;

/** A whole-number weight from 0 to `max`; an emptied or out-of-range field changes nothing while the user types. */
function WeightInput({ label, value, max, onWeight }: { label: string; value: number; max: number; onWeight: (weight: number) => void }) {
  return (
    <input
      type="number"
      min={0}
      max={max}
      step={1}
      aria-label={label}
      value={value}
      onChange={(e) => {
        const weight = Math.round(Number(e.target.value));
        if (e.target.value !== '' && weight >= 0 && weight <= max) onWeight(weight);
      }}
    />
  );
}
