/** A labelled drop-down list, the one way the app offers a choice of days, weeks, units or metrics. */
export function SelectField(props: { label: string; value: string | number; options: { value: string | number; label: string }[]; onChange: (value: string) => void; testId: string }) {
  return (
    <label className="field">
      <span className="field-label">{props.label}</span>
      <select className="select" value={props.value} onChange={(e) => props.onChange(e.target.value)} data-testid={props.testId}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A problem with what the user just did, read out by screen readers; nothing when there is none. */
export function FormError({ problem, testId }: { problem: string | null; testId?: string }) {
  if (!problem) return null;
  return (
    <p className="form-error" role="alert" data-testid={testId}>
      {problem}
    </p>
  );
}
