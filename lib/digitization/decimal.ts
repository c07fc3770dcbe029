// Exact decimal strings for amounts, quantities and rates: parsed and written
// as text and BigInt, never through floating point ("9.9000" × 20 must stay
// "198.00", and 0.1 + 0.2 must not be 0.30000000000000004).

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

interface Parts {
  negative: boolean;
  /** All digits, the last `scale` of them after the point. */
  digits: bigint;
  scale: number;
}

function parts(text: string): Parts | null {
  const match = DECIMAL.exec(text.trim());
  if (!match || (match[2] === "" && !match[3])) return null;
  const fraction = match[3] ?? "";
  return { negative: match[1] === "-", digits: BigInt((match[2] || "0") + fraction), scale: fraction.length };
}

function write({ negative, digits, scale }: Parts, minDecimals: number): string {
  const padded = digits.toString().padStart(scale + 1, "0");
  const whole = padded.slice(0, padded.length - scale);
  let fraction = padded.slice(padded.length - scale).replace(/0+$/, "");
  if (fraction.length < minDecimals) fraction = fraction.padEnd(minDecimals, "0");
  const text = fraction ? `${whole}.${fraction}` : whole;
  return negative && digits !== 0n ? `-${text}` : text;
}

/**
 * "9.9000" → "9.90" (minDecimals 2), "20.0000" → "20" (0), "+5" → "5.00".
 * Trailing zeros beyond `minDecimals` are dropped, never significant digits.
 * Null when the text is not a plain decimal number.
 */
export function decimalString(text: string | null | undefined, minDecimals = 0): string | null {
  if (text === null || text === undefined) return null;
  const p = parts(text);
  return p ? write(p, minDecimals) : null;
}

/** An amount as the fields carry it: at least two decimals ("473" → "473.00"). */
export function amountString(text: string | null | undefined): string | null {
  return decimalString(text, 2);
}

export function negateDecimal(text: string): string {
  return text.startsWith("-") ? text.slice(1) : /[1-9]/.test(text) ? `-${text}` : text;
}

export function isNegativeDecimal(text: string | null): boolean {
  return text !== null && text.startsWith("-") && /[1-9]/.test(text);
}

/**
 * a ÷ b exactly when it terminates within `maxDecimals` digits, else rounded
 * half away from zero to `maxDecimals`. Null when either is not a number or b is 0.
 */
export function divideDecimal(a: string, b: string, maxDecimals = 6): string | null {
  const x = parts(a);
  const y = parts(b);
  if (!x || !y || y.digits === 0n) return null;
  // x.digits/10^x.scale ÷ y.digits/10^y.scale, scaled by 10^maxDecimals.
  const numerator = x.digits * 10n ** BigInt(y.scale + maxDecimals);
  const denominator = y.digits * 10n ** BigInt(x.scale);
  let quotient = numerator / denominator;
  if ((numerator % denominator) * 2n >= denominator) quotient += 1n;
  return write({ negative: x.negative !== y.negative, digits: quotient, scale: maxDecimals }, 0);
}

export function compareDecimal(a: string, b: string): number {
  const x = parts(a);
  const y = parts(b);
  if (!x || !y) throw new Error(`not decimals: ${a}, ${b}`);
  const scale = Math.max(x.scale, y.scale);
  const value = (p: Parts) => (p.negative ? -1n : 1n) * p.digits * 10n ** BigInt(scale - p.scale);
  const difference = value(x) - value(y);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}
