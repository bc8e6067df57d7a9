// Preloaded into every Node process of a calendar run (scripts/test-calendar.sh, through NODE_OPTIONS):
// the clock JavaScript reads is moved by CLOCK_OFFSET_MS and keeps running. The offset is fixed once
// for the whole run, so a child process (the real `node dist/main.js`) reads the same time as the test;
// its name has no BATON_ prefix, since the tests pass their own BATON_ settings to those processes.
// libfaketime does the same below libc but hangs Node's and Redis's start-up, hence this.
const offset = Number(process.env.CLOCK_OFFSET_MS);
if (Number.isFinite(offset) && offset !== 0) {
  const RealDate = globalThis.Date;
  const now = () => RealDate.now() + offset;
  function ShiftedDate(...args) {
    if (!new.target) return new RealDate(now()).toString();
    return Reflect.construct(RealDate, args.length === 0 ? [now()] : args, new.target);
  }
  Object.setPrototypeOf(ShiftedDate, RealDate);
  ShiftedDate.prototype = RealDate.prototype;
  ShiftedDate.now = now;
  globalThis.Date = ShiftedDate;
}
