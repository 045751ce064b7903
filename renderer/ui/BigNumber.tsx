/**
 * A figure to read across the dock: label above, number large. `words` for a value that is words
 * (a role, a site's name): a size at which a long word ("Administrateur") stays whole in its card.
 */
export function BigNumber({
  label,
  value,
  tone,
  words = false,
}: {
  label: string;
  value: number | string;
  tone?: 'ok' | 'attention' | 'error';
  words?: boolean;
}) {
  return (
    <div className={`big-number ${tone ? `big-number-${tone}` : ''} ${words ? 'big-number-words' : ''}`}>
      <div className="big-number-label">{label}</div>
      <div className="big-number-value">{value}</div>
    </div>
  );
}
