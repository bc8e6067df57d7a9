import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IntakeBurst } from '../../src/infra/intake/intake-burst.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Whether `clear()` has resolved once the fake clock reaches `ms` from now. */
async function clearedWithin(burst: IntakeBurst, ms: number): Promise<boolean> {
  let cleared = false;
  void burst.clear().then(() => (cleared = true));
  await vi.advanceTimersByTimeAsync(ms);
  return cleared;
}

describe('decisions during a burst of events', () => {
  it('start at once when events arrive at an ordinary pace', async () => {
    const burst = new IntakeBurst();
    for (let i = 0; i < 20; i++) {
      burst.taken();
      await vi.advanceTimersByTimeAsync(50); // 20 a second
    }
    expect(await clearedWithin(burst, 0)).toBe(true);
  });

  it('wait while a burst is acknowledged, and start as soon as it eases', async () => {
    const burst = new IntakeBurst();
    for (let i = 0; i < 10; i++) burst.taken();
    expect(await clearedWithin(burst, 50)).toBe(false);
    expect(await clearedWithin(burst, 60)).toBe(true);
  });

  it('wait no longer than five seconds however long the burst lasts', async () => {
    const burst = new IntakeBurst();
    let cleared = false;
    for (let i = 0; i < 10; i++) burst.taken();
    void burst.clear().then(() => (cleared = true));
    for (let t = 0; t < 4900; t += 5) {
      burst.taken();
      await vi.advanceTimersByTimeAsync(5);
    }
    expect(cleared).toBe(false);
    for (let t = 0; t < 200; t += 5) {
      burst.taken();
      await vi.advanceTimersByTimeAsync(5);
    }
    expect(cleared).toBe(true);
  });
});
