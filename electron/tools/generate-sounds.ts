import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Writes resources/sounds/{ok,error,attention}.wav: short, distinct, loud enough for a dock.
// Run: npx tsx electron/tools/generate-sounds.ts (the files are committed; this keeps them reproducible).

const rate = 22_050;

type Tone = { readonly hz: number; readonly ms: number; readonly shape: 'sine' | 'square' };

function render(tones: readonly Tone[], gapMs = 40): Int16Array {
  const samples: number[] = [];
  for (const tone of tones) {
    const count = Math.round((tone.ms / 1000) * rate);
    for (let i = 0; i < count; i += 1) {
      const phase = (2 * Math.PI * tone.hz * i) / rate;
      const raw = tone.shape === 'sine' ? Math.sin(phase) : Math.sign(Math.sin(phase)) * 0.6;
      const envelope = Math.min(1, i / 200, (count - i) / 200); // no clicks at the edges
      samples.push(Math.round(raw * envelope * 0.8 * 32767));
    }
    samples.push(...new Array<number>(Math.round((gapMs / 1000) * rate)).fill(0));
  }
  return Int16Array.from(samples);
}

function wav(pcm: Int16Array): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + pcm.byteLength, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(pcm.byteLength, 40);
  return Buffer.concat([header, Buffer.from(pcm.buffer)]);
}

const sounds = {
  ok: [{ hz: 1760, ms: 90, shape: 'sine' }],
  error: [
    { hz: 220, ms: 220, shape: 'square' },
    { hz: 220, ms: 220, shape: 'square' },
  ],
  attention: [
    { hz: 880, ms: 140, shape: 'sine' },
    { hz: 660, ms: 140, shape: 'sine' },
    { hz: 880, ms: 140, shape: 'sine' },
  ],
} as const satisfies Record<string, readonly Tone[]>;

const dir = join(import.meta.dirname, '../../resources/sounds');
mkdirSync(dir, { recursive: true });
for (const [name, tones] of Object.entries(sounds)) writeFileSync(join(dir, `${name}.wav`), wav(render(tones)));
