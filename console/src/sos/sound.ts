// The SOS banner's alarm: a beep made by the Web Audio API (nothing downloaded). Browsers let
// a page sound only after a user gesture, so the audio context is made or resumed in one.
import { ref } from "vue";

let context: AudioContext | null = null;
/** Whether the browser lets the page sound now. */
export const soundAllowed = ref(false);

/** Call from a user gesture (a click, a key): makes or resumes the audio context. */
export async function enableSound(): Promise<void> {
  const Context = globalThis.AudioContext;
  if (!Context) return;
  context ??= new Context();
  if (context.state === "suspended") await context.resume().catch(() => undefined);
  soundAllowed.value = context.state === "running";
}

/** Two short high tones, loud enough to be heard across a room. */
export function beep(): void {
  if (!context || context.state !== "running") return;
  const start = context.currentTime;
  for (const offset of [0, 0.3]) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = "square";
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.15, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.001, start + offset + 0.2);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 0.2);
  }
}
