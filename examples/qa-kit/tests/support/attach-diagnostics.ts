import type { TestInfo } from '@playwright/test';
import type { StepgateApp } from 'stepgate/testing';

/** A failed test carries what IT support would ask for: the app's diagnostics, from whatever state the app was left in. */
export async function attachDiagnostics({ stepgate }: { readonly stepgate: StepgateApp }, testInfo: TestInfo): Promise<void> {
  if (testInfo.status === testInfo.expectedStatus) return;
  const body = await stepgate.diagnostics().catch((error: unknown) => `no diagnostics: ${String(error)}`);
  await testInfo.attach('stepgate diagnostics', { body, contentType: 'text/plain' });
}
