import type { ButtonHTMLAttributes } from 'react';

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { readonly variant?: 'primary' | 'secondary' | 'danger' };

/** At least 48 px high and wide: usable with gloves on a touch screen. */
export function Button({ variant = 'secondary', className, type = 'button', ...rest }: Props) {
  return <button type={type} className={`button button-${variant} ${className ?? ''}`} {...rest} />;
}
