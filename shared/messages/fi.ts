/** The desktop app's words in Finnish: the keys of en.ts, the vocabulary written down there. */
import type { Problem, ServerAddressProblem } from '../ipc/problem.js';
import { assertNever } from '../util/assert-never.js';
import type { Messages } from './en.js';
import { count, formatNumber, minutesAndSeconds, type PluralForms } from './plural.js';

const LOCALE = 'fi';
const n = (value: number, forms: PluralForms) => count(LOCALE, value, forms);

/**
 * A duration in the genitive, as "kuluttua" (in …) needs it: "45 sekunnin", "1 minuutin 5 sekunnin".
 * After a numeral the genitive stays singular whatever the number, so no plural forms are needed.
 */
export function durationGenitive(seconds: number): string {
  const d = minutesAndSeconds(seconds);
  const secondsText = `${formatNumber(LOCALE, d.seconds)} sekunnin`;
  if (d.minutes === 0) return secondsText;
  const minutesText = `${formatNumber(LOCALE, d.minutes)} minuutin`;
  return d.seconds === 0 ? minutesText : `${minutesText} ${secondsText}`;
}

const serverAddress: Readonly<Record<ServerAddressProblem, string>> = {
  empty: 'Anna kirjautumispalvelimesi osoite.',
  malformed: 'Tämä ei näytä verkko-osoitteelta. Tarkista se ja yritä uudelleen, esimerkiksi https://id.example.com.',
  notHttps: 'Osoitteen on alettava https:// (pelkkä http on sallittu vain tälle tietokoneelle).',
  notAllowed: 'Organisaatiosi ei salli tätä palvelimen osoitetta.',
};

const lockedFor = (seconds: number) => `Liian monta yritystä. Voit yrittää uudelleen ${durationGenitive(seconds)} kuluttua.`;
const lockedOver = 'Voit yrittää uudelleen nyt.';

export const fi: Messages = {
  locale: LOCALE,
  appName: 'Stepgate',
  windowTitle: {
    signIn: 'Kirjaudu sisään – Stepgate',
    code: 'Vahvistuskoodi – Stepgate',
  },
  starting: 'Käynnistetään…',
  bridgeMissing: 'Osa Stepgatesta jäi latautumatta, joten tämä ikkuna ei toimi. Stepgaten asentaminen uudelleen korjaa tämän.',
  menu: { edit: 'Muokkaa', window: 'Ikkuna', help: 'Ohje', about: 'Tietoja Stepgatesta' },
  notices: {
    noKeychain:
      'Tällä tietokoneella ei ole käytettävissä avainnippua, joten Stepgate ei voi muistaa käyttäjätunnustasi eikä pitää sinua kirjautuneena. Kirjautuminen toimii silti.',
    dismiss: 'Sulje ilmoitus',
  },
  serverPrompt: {
    heading: 'Mille palvelimelle kirjaudut?',
    intro: 'Saat osoitteen organisaatioltasi. Sinun tarvitsee antaa se vain kerran.',
    label: 'Palvelimen osoite',
    placeholder: 'https://id.example.com',
    submit: 'Jatka',
    busy: 'Tarkistetaan palvelinta…',
  },
  signIn: {
    heading: 'Kirjaudu sisään',
    serverUnknownName: 'Kirjautumispalvelin',
    changeServer: 'Vaihda palvelin',
    username: 'Käyttäjätunnus',
    password: 'Salasana',
    showPassword: 'Näytä salasana',
    usernameRequired: 'Anna käyttäjätunnuksesi.',
    passwordRequired: 'Anna salasanasi.',
    keepSignedIn: 'Pidä minut kirjautuneena',
    submit: 'Kirjaudu sisään',
    withProvider: (provider: string) => `Kirjaudu sisään palvelulla ${provider}`,
    busy: 'Kirjaudutaan…',
    signedOut: 'Olet kirjautunut ulos.',
  },
  about: {
    open: 'Tietoja Stepgatesta',
    heading: 'Tietoja Stepgatesta',
    body: 'Stepgatella kirjaudut tileille, jotka on suojattu kaksivaiheisella tunnistautumisella.',
    version: 'Versio',
    server: 'Palvelin',
    close: 'Sulje',
    footer: (version: string) => `Stepgate ${version}`,
  },
  code: {
    heading: 'Anna vahvistuskoodi',
    intro: (digits: number) => `Avaa todennussovellus ja anna ${digits}-numeroinen koodi, jonka se näyttää tälle tilille.`,
    label: (digits: number) => `Vahvistuskoodi, ${n(digits, { one: 'numero', other: 'numeroa' })}`,
    recoveryHeading: 'Anna varakoodi',
    recoveryIntro: 'Käytä jotakin varakoodeista, jotka tallensit ottaessasi kaksivaiheisen tunnistautumisen käyttöön. Kukin koodi toimii kerran.',
    recoveryLabel: 'Varakoodi',
    recoveryRequired: 'Anna yksi varakoodeistasi.',
    recoverySubmit: 'Vahvista',
    verifying: 'Tarkistetaan koodia…',
    useRecovery: 'Käytä sen sijaan varakoodia',
    useAuthenticator: 'Käytä sen sijaan todennussovelluksen koodia',
    help: 'Etkö voi käyttää todennussovellusta?',
    cancel: 'Peruuta',
    startAgain: 'Aloita alusta',
    expiresIn: (seconds: number) => `Tämä kirjautumispyyntö vanhenee ${durationGenitive(seconds)} kuluttua.`,
    lockedFor,
    lockedOver,
    lockIncludesRecovery: 'Varakoodejakaan ei voi käyttää ennen sitä.',
    lockIncludesAuthenticator: 'Todennussovelluksen koodejakaan ei voi käyttää ennen sitä.',
  },
  enrollment: {
    heading: 'Ota ensin kaksivaiheinen tunnistautuminen käyttöön',
    body: 'Tilillesi tarvitaan todennussovellus, ennen kuin voit kirjautua tässä. Käyttöönotto tehdään verkkoselaimessa tai mobiilisovelluksessa, ei tässä sovelluksessa.',
    steps: 'Avaa käyttöönottosivu, lisää tili todennussovellukseesi ja kirjaudu sitten uudelleen tässä.',
    open: 'Avaa käyttöönottosivu selaimessa',
    opened: 'Käyttöönottosivu avautui selaimeesi. Lisää tili siellä todennussovellukseesi ja palaa sitten tänne kirjautumaan uudelleen.',
    openFailed: 'Stepgate ei saanut selaintasi auki. Avaa tämä osoite selaimessa itse:',
    backToSignIn: 'Takaisin kirjautumiseen',
  },
  signedIn: {
    heading: 'Olet kirjautunut sisään',
    announce: (name: string) => `Olet kirjautunut sisään käyttäjänä ${name}.`,
    as: 'Kirjautuneena',
    server: 'Palvelin',
    until: 'Istunto päättyy',
    remembered: 'Pysyt kirjautuneena tällä tietokoneella, kunnes istunto päättyy tai kirjaudut ulos.',
    notRemembered: 'Sinut kirjataan ulos, kun suljet Stepgaten.',
    signOut: 'Kirjaudu ulos',
    signingOut: 'Kirjaudutaan ulos…',
    manage: 'Hallitse kaksivaiheista tunnistautumista',
    recoveryCodesLeft: (left: number): string =>
      left === 0
        ? 'Kirjauduit viimeisellä varakoodillasi. Luo nyt uudet varakoodit kaksivaiheisen tunnistautumisen asetuksissa.'
        : `Kirjauduit varakoodilla. Jäljellä on ${n(left, { one: 'koodi', other: 'koodia' })}, ja kukin toimii kerran. Voit luoda uusia kaksivaiheisen tunnistautumisen asetuksissa.`,
  },
  problem(problem: Problem, now: number): string {
    switch (problem.kind) {
      case 'invalidCredentials':
        return 'Käyttäjätunnus tai salasana on väärin. Tarkista ne ja yritä uudelleen.';
      case 'wrongCode':
        return problem.attemptsRemaining > 0
          ? `Koodi on väärin. ${n(problem.attemptsRemaining, { one: 'yritys', other: 'yritystä' })} jäljellä. Varmista, että käytät sovelluksen uusinta koodia.`
          : 'Koodi on väärin, eikä yrityksiä ole enää jäljellä. Aloita alusta salasanalla.';
      case 'challengeExpired':
        return 'Tämä kirjautumispyyntö on vanhentunut. Aloita alusta salasanalla.';
      case 'locked': {
        const left = (problem.retryAt - now) / 1000;
        return left > 0 ? lockedFor(left) : lockedOver;
      }
      case 'sessionEnded':
        return 'Istuntosi on päättynyt. Kirjaudu uudelleen.';
      case 'forbidden':
        return 'Tällä tilillä ei voi kirjautua tässä. Kysy ylläpitäjältä.';
      case 'notFound':
        return 'Palvelin ei tarjoa tätä kirjautumista. Tarkista palvelimen osoite.';
      case 'totpDisabled':
        return 'Kaksivaiheinen tunnistautuminen poistettiin juuri käytöstä tällä palvelimella. Kirjaudu uudelleen salasanalla.';
      case 'invalidRequest':
        return 'Palvelin ei hyväksynyt lähetettyjä tietoja. Tarkista antamasi tiedot ja yritä uudelleen.';
      case 'unreachable':
        return 'Palvelimeen ei saada yhteyttä. Tarkista verkkoyhteys ja palvelimen osoite ja yritä sitten uudelleen.';
      case 'timeout':
        return 'Palvelin vastasi liian hitaasti. Yritä hetken kuluttua uudelleen.';
      case 'tls':
        return 'Palvelimen suojausvarmennetta ei voitu tarkistaa, joten Stepgate ei lähettänyt mitään. Kysy ylläpitäjältä.';
      case 'unexpected':
        return 'Palvelin antoi vastauksen, jota Stepgate ei ymmärrä. Yritä myöhemmin uudelleen tai kysy ylläpitäjältä.';
      case 'serverError':
        return 'Palvelimella on ongelma. Yritä muutaman minuutin kuluttua uudelleen. Jos ongelma toistuu, kerro siitä ylläpitäjälle.';
      case 'invalidServerAddress':
        return serverAddress[problem.reason];
      default:
        return assertNever(problem);
    }
  },
  time(epochMs: number): string {
    return new Date(epochMs).toLocaleString(LOCALE, { dateStyle: 'medium', timeStyle: 'short' });
  },
};
