/**
 * The code window on its own, at its fixed size, for layout checks: Electron's own window, or in
 * the preview (where the code window is a dialog in the login page) the code window's page as
 * Electron loads it, in a page of that size, driving the same sign-in flow.
 *
 * Resolves once the app has drawn the window: until then code.html shows its early markup (a heading
 * and an input that already take digits), which the app replaces, so a layout measured on it could
 * be measured on an element that is gone a moment later.
 */
import { expect } from '@playwright/test';
import { CODE_WINDOW_SIZE, codePageFile } from '../../../shared/ipc/code-window.js';
import { CodeWindow, type StepgateApp } from '../../../testing/index.js';

export async function fixedSizeCodeWindow(app: StepgateApp): Promise<CodeWindow> {
  const codeWindow = app.kind === 'preview' ? await previewCodeWindow(app) : await app.codeWindow();
  await expect(codeWindow.page.locator('#early-code')).toHaveCount(0);
  return codeWindow;
}

async function previewCodeWindow(app: StepgateApp): Promise<CodeWindow> {
  const window = await app.page.context().newPage();
  await window.setViewportSize(CODE_WINDOW_SIZE);
  await window.goto(new URL(`/${codePageFile(app.language === 'fi' ? 'fi' : 'en')}`, app.page.url()).toString());
  return new CodeWindow(window, window, app);
}
