import { memo, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface NumberSliderProps {
  /** Visible label. */
  readonly label: string;
  /** Full name for screen readers, naming the medium, unit and step ("Web, Nord: MQL → SQL"). */
  readonly name: string;
  /** In display units (a rate as percent); null: unknown, the field is empty. */
  readonly value: number | null;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** Decimals the number field shows. */
  readonly decimals: number;
  readonly suffix?: string;
  readonly onChange: (value: number) => void;
  /** Offered when the value was edited: back to the data's value (its text for the button's label). */
  readonly onReset?: () => void;
  readonly defaultText?: string;
  /** What the default rests on, and notes. */
  readonly note?: ReactNode;
  /** data- attributes for tests and the benchmark. */
  readonly data?: Readonly<Record<string, string | number>>;
}

const round = (value: number, decimals: number) => Number(value.toFixed(decimals));

/**
 * One input as a slider and a number field bound to the same value. The number field keeps what
 * is being typed ("12," on the way to "12,5") until it is a number; the slider moves with it.
 */
export const NumberSlider = memo(function NumberSlider({ label, name, value, min, max, step, decimals, suffix, onChange, onReset, defaultText, note, data = {} }: NumberSliderProps) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const shown = value === null ? '' : String(round(value, decimals));
  const dataAttributes = Object.fromEntries(Object.entries(data).map(([k, v]) => [`data-${k}`, String(v)]));
  const commit = (text: string) => {
    setDraft(text);
    const parsed = Number(text);
    if (text.trim() !== '' && Number.isFinite(parsed)) onChange(parsed);
  };
  return (
    <div className="number-slider">
      <label htmlFor={`${id}-number`} className="number-slider-label">
        {label}
      </label>
      <input
        type="range"
        aria-label={name}
        min={min}
        max={Math.max(max, value ?? 0)}
        step={step}
        value={value ?? min}
        onChange={(event) => {
          setDraft(null);
          onChange(Number(event.target.value));
        }}
        data-testid="plan-slider"
        {...dataAttributes}
      />
      <span className="number-slider-field">
        <input
          id={`${id}-number`}
          type="number"
          inputMode="decimal"
          aria-label={name}
          min={min}
          step={10 ** -decimals}
          value={draft ?? shown}
          onChange={(event) => commit(event.target.value)}
          onBlur={() => setDraft(null)}
          data-testid="plan-input"
          {...dataAttributes}
        />
        {suffix && <span className="suffix">{suffix}</span>}
      </span>
      {onReset ? (
        <button type="button" className="reset" onClick={onReset} aria-label={t('planning.inputs.resetNamed', { input: name, value: defaultText ?? '' })} title={t('planning.inputs.reset', { value: defaultText ?? '' })}>
          ↺
        </button>
      ) : (
        <span className="reset-space" aria-hidden="true" />
      )}
      {note && <small className="number-slider-note">{note}</small>}
    </div>
  );
});
