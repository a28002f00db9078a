/**
 * The one inline style the code input needs, for the Content Security Policy of the desktop app
 * and of the browser pages alike. input-otp appends an empty <style id="input-otp-style"> to the
 * document once and fills it through the CSSOM (sheet.insertRule, which CSP does not restrict):
 * transparent selection and autofill colours for its hidden input. An inline <style> element is
 * checked against style-src when it is inserted, so without this the first code input of every
 * page logs "Applying inline style violates … style-src 'self'". The hash is that of the empty
 * string: it admits an empty <style> element and nothing with content, so the policy stays as
 * strict as 'self' for everything else (no 'unsafe-inline', no nonce).
 */
export const INPUT_OTP_STYLE_HASH = 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';

export const STYLE_SRC = `style-src 'self' '${INPUT_OTP_STYLE_HASH}'`;
