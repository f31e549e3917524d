/** Wizard step save latency through the production server action (written next). */
import type { Stack } from "../lib/stack";

export async function measureWizardStep(stack: Stack, baseUrl: string, n: number): Promise<number> {
  void stack;
  void baseUrl;
  void n;
  throw new Error("not implemented yet");
}
