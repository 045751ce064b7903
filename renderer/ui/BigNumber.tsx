/** A figure to read across the dock: label above, number large. */
export function BigNumber({ label, value, tone }: { label: string; value: number | string; tone?: 'ok' | 'attention' | 'error' }) {
  return (
    <div className={`big-number ${tone ? `big-number-${tone}` : ''}`}>
      <div className="big-number-label">{label}</div>
      <div className="big-number-value">{value}</div>
    </div>
  );
}
