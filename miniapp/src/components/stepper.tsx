import type { Metric } from '../api/types';
import { capitalize } from '../util/format';

/** The count a field's text stands for: empty is 0. */
export function countOf(text: string): number {
  return text === '' ? 0 : Number(text);
}

type Props = { metric: Metric; value: string; onChange: (value: string) => void };

/** One metric of a report: big − and + for thumbs, and a field for typing a larger number at once. */
export function Stepper({ metric, value, onChange }: Props) {
  const max = metric.max > 0 ? metric.max : 5000;
  const n = countOf(value);
  const label = capitalize(metric.label);
  const inputId = `count-${metric.id}`;
  const set = (next: number) => onChange(String(Math.max(0, Math.min(max, next))));

  const type = (text: string) => {
    // Whole numbers only: keyboards still offer "." and "-", and pasted text may carry spaces.
    const digits = text.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
    onChange(digits === '' ? '' : String(Math.min(max, Number(digits))));
  };

  return (
    <div className="stepper" data-testid={`stepper-${metric.id}`}>
      <label className="stepper-label" htmlFor={inputId}>
        {label}
      </label>
      <div className="stepper-controls">
        <button
          type="button"
          className="stepper-button"
          data-testid={`minus-${metric.id}`}
          aria-label={`Bớt 1: ${label}`}
          disabled={n <= 0}
          onClick={() => set(n - 1)}
        >
          −
        </button>
        <input
          id={inputId}
          className="stepper-input"
          data-testid={`input-${metric.id}`}
          type="text"
          inputMode="numeric"
          pattern="[0-9]*"
          autoComplete="off"
          placeholder="0"
          value={value}
          onChange={(e) => type(e.target.value)}
          onFocus={(e) => e.target.select()}
        />
        <button
          type="button"
          className="stepper-button"
          data-testid={`plus-${metric.id}`}
          aria-label={`Thêm 1: ${label}`}
          disabled={n >= max}
          onClick={() => set(n + 1)}
        >
          +
        </button>
      </div>
    </div>
  );
}
