import { describe, expect, it } from "vitest";
import { startTimingFloor } from "./timing-floor";

function fakeClock(start = 1000) {
  let now = start;
  const slept: number[] = [];
  return {
    now: () => now,
    advance: (ms: number) => void (now += ms),
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
    slept,
  };
}

describe("startTimingFloor", () => {
  it("waits out the rest of the floor after a fast answer", async () => {
    const clock = fakeClock();
    const floor = startTimingFloor(600, clock.now, clock.sleep);
    clock.advance(25);
    expect(await floor.pad("answer")).toBe("answer");
    expect(clock.slept).toEqual([575]);
  });

  it("adds nothing to an answer that already took longer", async () => {
    const clock = fakeClock();
    const floor = startTimingFloor(600, clock.now, clock.sleep);
    clock.advance(700);
    await floor.pad(null);
    expect(clock.slept).toEqual([]);
  });
});
