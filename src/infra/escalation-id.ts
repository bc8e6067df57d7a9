import { randomBytes } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Short ids a specialist can say out loud ("E-7K2Q9M"): no 0/O or 1/I to mix up. */
export function newEscalationId(): string {
  const bytes = randomBytes(8);
  let id = '';
  for (const b of bytes) id += ALPHABET[b % ALPHABET.length];
  return `E-${id}`;
}
