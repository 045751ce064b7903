import { describe, expect, it } from 'vitest';
import { createPresence, type Presence } from './presence';

/** Plays a recorded sequence of frames: [time in ms, codes decoded in that frame]. */
function play(presence: Presence, frames: ReadonlyArray<readonly [number, readonly string[]]>): string[] {
  return frames.flatMap(([at, codes]) => presence.frame(codes, at));
}

const gtin = '3761234500007';

describe('what is in front of the camera', () => {
  it('a label held in view at 10 frames a second is one scan', () => {
    const frames = Array.from({ length: 100 }, (_, i) => [i * 100, [gtin]] as const);
    expect(play(createPresence({ windowMs: 1500 }), frames)).toEqual([gtin]);
  });

  it('frames that miss a tilted or blurred label, even for longer than the window, do not make it a second scan', () => {
    // Decoded in one frame of three, then missed by four slow frames over 2.3 s while still partly in view, then found again.
    const frames: Array<readonly [number, readonly string[]]> = [];
    for (let i = 0; i < 30; i += 1) frames.push([i * 100, i % 3 === 0 ? [gtin] : []]);
    frames.push([3500, []], [4500, []], [5000, [gtin]]);
    expect(play(createPresence({ windowMs: 1500 }), frames)).toEqual([gtin]);
  });

  it('a slow machine, one frame every 2 s, still sees one label, not one per frame', () => {
    const frames = Array.from({ length: 10 }, (_, i) => [i * 2000, [gtin]] as const);
    expect(play(createPresence({ windowMs: 1500 }), frames)).toEqual([gtin]);
  });

  it('a label taken out of view and shown again is scanned again', () => {
    const away = Array.from({ length: 20 }, (_, i) => [1000 + i * 100, []] as const);
    const frames = [[0, [gtin]] as const, [100, [gtin]] as const, ...away, [3100, [gtin]] as const];
    expect(play(createPresence({ windowMs: 1500 }), frames)).toEqual([gtin, gtin]);
  });

  it('codes come and go on their own: a second label joining the first is one new scan', () => {
    const frames = [
      [0, ['A']],
      [100, ['A', 'B']],
      [200, ['B', 'A']],
      [300, ['A']],
    ] as const;
    expect(play(createPresence({ windowMs: 1500 }), frames)).toEqual(['A', 'B']);
  });

  it('settings applied again keep what is in view', () => {
    const presence = createPresence({ windowMs: 1500 });
    expect(presence.frame([gtin], 0)).toEqual([gtin]);
    presence.setWindow(1500);
    presence.setWindow(800);
    expect(presence.frame([gtin], 100)).toEqual([]);
    expect(presence.inView()).toEqual([gtin]);
  });

  it('a zero window still needs the label gone from a few frames before it counts again', () => {
    const presence = createPresence({ windowMs: 0, missFrames: 2 });
    expect(
      play(presence, [
        [0, [gtin]],
        [1, []],
        [2, [gtin]],
        [3, []],
        [4, []],
        [5, [gtin]],
      ]),
    ).toEqual([gtin, gtin]);
  });
});
