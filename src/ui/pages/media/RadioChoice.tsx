/** A small set of options as radio buttons in a titled group (the page's grouping, its cost allocation). */
export function RadioChoice<T extends string>(props: {
  legend: string;
  name: string;
  options: readonly { readonly value: T; readonly label: string }[];
  value: T;
  onChange(value: T): void;
  title?: string;
}) {
  return (
    <fieldset className="segmented" title={props.title}>
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option.value}>
          <input
            type="radio"
            name={props.name}
            value={option.value}
            checked={props.value === option.value}
            onChange={() => props.onChange(option.value)}
            data-testid={`${props.name}-${option.value}`}
          />{' '}
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
