import { AppError } from '../../platform/errors';
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * PINs are 4–6 digits, so the hash must be slow: scrypt (RFC 7914) with a per-user salt, run on
 * libuv's pool so main stays responsive. The stored string names its parameters so they can rise.
 */
const cost = { N: 2 ** 14, r: 8, p: 1 } as const;
const keyLength = 32;

const derive = (pin: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    scrypt(pin, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });

/** The one way a PIN is set (new person, reset, first admin): long enough for the site, then hashed. */
export async function hashNewPin(pin: string, minLength: number): Promise<string> {
  if (pin.length < minLength) throw new AppError('PIN_TOO_SHORT', `the site requires PINs of at least ${minLength} digits`, { min: minLength });
  const salt = randomBytes(16);
  const key = await derive(pin, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(pin, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
