// A request a form waits on: busy while it runs, its refusal kept for <ProblemAlert :error>.
import { ref } from "vue";

export function usePending() {
  const busy = ref(false);
  const error = ref<unknown>(null);

  /** Run the request; its result, or undefined when it was refused (the refusal is in `error`). */
  async function run<T>(request: () => Promise<T>): Promise<T | undefined> {
    busy.value = true;
    error.value = null;
    try {
      return await request();
    } catch (caught) {
      error.value = caught;
      return undefined;
    } finally {
      busy.value = false;
    }
  }

  return { busy, error, run };
}
