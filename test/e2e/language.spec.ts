/** The app's language: the operating system's, unless the settings (or policy) name one. */
import { messagesFor } from '../../shared/messages/catalogue.js';
import { expect, test } from './support/fixtures.js';

test.describe('on a Finnish system', () => {
  test.use({ systemLanguages: ['fi-FI', 'en-US'] });

  test('speaks Finnish, unless the settings say English', async ({ launch }) => {
    const fi = messagesFor('fi');
    const finnish = await launch();
    await expect(finnish.page.locator('html')).toHaveAttribute('lang', 'fi');
    await expect(finnish.loginWindow.heading).toHaveText(fi.signIn.heading);
    await expect(finnish.page).toHaveTitle(fi.windowTitle.signIn);
    const english = await launch({ language: 'en' });
    await expect(english.page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(english.loginWindow.heading).toBeVisible();
  });
});
