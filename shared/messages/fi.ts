/**
 * The desktop app's words in Finnish, with the keys of en.ts; pages-fi.ts has the browser pages' words.
 * Written after Kotimaisten kielten keskus's advice for user interfaces: plain words, active voice,
 * the imperative for what the person does, one term for one thing, no English sentence structures.
 *
 * Vocabulary, the same in every view (never "TOTP", "2FA", "MFA", "OTP" or "login"):
 * - kaksivaiheinen tunnistautuminen (two-factor authentication): always in full, never "kaksivaiheinen"
 *   alone, nor "todennus" or "vahvistus" for the protection as a whole;
 * - todennussovellus (authenticator app, and an authenticator set up for the account);
 * - vahvistuskoodi (verification code): the digits the todennussovellus shows; "koodi" once it is clear;
 *   the person "antaa" (enters) a code, "syöttää" only an asetusavain typed by hand;
 * - varakoodi (recovery code); asetusavain (set-up key);
 * - kirjaudu sisään, kirjaudu ulos (sign in, sign out); kirjautuminen (a sign-in, also its request:
 *   kirjautumispyyntö); ottaa käyttöön (set up), poistaa (remove), poistaa käytöstä (turn off or disable);
 * - nollata (reset): an ylläpitäjä removing all of someone's todennussovellukset and varakoodit;
 * - istunto (session): it "päättyy"; a luotettu tietokone (trusted computer, in the browser pages a
 *   browser on a computer) is instead "unohdetaan" (forgotten) or removed, never "päättyy";
 *   "Älä kysy koodia tällä tietokoneella" offers it;
 * - tunnistuspalvelu (identity provider): the organisation's own sign-in service; its button is
 *   "Kirjaudu {provider}-tunnuksella", the name joined by a hyphen as Finnish compounds it
 *   ("Okta-tunnuksella", "Entra ID -tunnuksella") so it never needs inflecting;
 *   kertakirjautuminen (single sign-on) where the feature is named; kirjautumispalvelin (sign-in server):
 *   Stepgate's; ylläpitäjä (administrator); avainnippu (keychain); IT-tuki (IT support).
 * - The person is "sinä" throughout; another user is "käyttäjä", "hän".
 * - Inserted values keep their own form: a name stands in the nominative after a word that carries
 *   the case ("käyttäjän {username}", "käyttäjälle {username}"), numbers take the singular after
 *   one and the partitive after any other ("1 yritys", "3 yritystä"), and a genitive or illative after a
 *   numeral stays singular ("5 minuutin kuluttua", "30 päivään").
 */
import type { Problem, ServerAddressProblem, SsoProblem } from '../ipc/problem.js';
import { assertNever } from '../util/assert-never.js';
import { type LockCauses, withLockCause } from './lock-cause.js';
import { clockMinutes, type Messages } from './en.js';
import { count, formatNumber, minutesAndSeconds, type PluralForms } from './plural.js';

const LOCALE = 'fi';
const n = (value: number, forms: PluralForms) => count(LOCALE, value, forms);
const SECONDS: PluralForms = { one: 'sekunti', other: 'sekuntia' };
const time = (epochMs: number) => new Date(epochMs).toLocaleString(LOCALE, { dateStyle: 'medium', timeStyle: 'short' });
/** A name joined to a word as Finnish compounds it: "Okta-tunnuksella", "Entra ID -tunnuksella". */
const compound = (name: string, word: string): string => `${name}${/\s/.test(name) ? ' -' : '-'}${word}`;

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
/** Why the code that started a lock-out was refused, where that is more than a wrong code. */
const lockCause: LockCauses = {
  clock_skew: 'Viimeisin koodi kuului toiseen aikaan: puhelimesi kello näyttää väärää aikaa. Ota puhelimessa käyttöön automaattinen aika ennen kuin yrität uudelleen.',
  already_used: 'Viimeisin koodi oli jo käytetty.',
};

/** The sentence for a reason worth its own, else the code's general one (`none`). */
const byReason = <R extends string>(reason: R | null, texts: Readonly<Record<R | 'none', string>>): string => texts[reason ?? 'none'];

function ssoProblem(problem: SsoProblem): string {
  switch (problem.kind) {
    case 'ssoRequired':
      return 'Tällä tilillä ei kirjauduta tässä salasanalla. Kirjaudu organisaatiosi tunnistuspalvelun painikkeella.';
    case 'ssoCancelled':
      return 'Kirjautuminen peruttiin selaimessa. Mitään ei muutettu; voit aloittaa alusta.';
    case 'ssoExpired':
      return 'Kirjautumista ei viety loppuun 5 minuutissa. Aloita alusta.';
    case 'ssoStateInvalid':
      return byReason(problem.reason, {
        otherBrowser: 'Kirjautuminen vietiin loppuun eri selaimessa kuin se aloitettiin. Aloita alusta ja vie se loppuun samassa selaimessa.',
        providerRemoved: 'Tämä tunnistuspalvelu poistettiin kirjautumisesi aikana. Aloita alusta.',
        none: 'Palannut kirjautuminen ei kuulu tässä aloitettuun, joten sitä ei käytetty. Aloita alusta.',
      });
    case 'ssoProviderError':
      return byReason(problem.reason, {
        unreachable: 'Kirjautumispalvelin ei saanut yhteyttä tunnistuspalveluun. Yritä myöhemmin uudelleen. Jos ongelma toistuu, kysy ylläpitäjältä.',
        configuration: 'Yhteyttä tunnistuspalveluun ei ole määritetty oikein. Kysy ylläpitäjältä.',
        none: 'Tunnistuspalvelu ei saanut kirjautumista valmiiksi. Yritä myöhemmin uudelleen. Jos ongelma toistuu, kysy ylläpitäjältä.',
      });
    case 'ssoTokenInvalid':
      return problem.reason === 'clock'
        ? 'Tunnistuspalvelun vastaus ei läpäissyt aikatarkistusta; palvelinten kellot voivat olla eri ajassa. Kysy ylläpitäjältä.'
        : 'Tunnistuspalvelun vastaus ei läpäissyt tietoturvatarkistusta, joten sitä ei hyväksytty. Kysy ylläpitäjältä.';
    case 'ssoUnknownUser':
      return byReason(problem.reason, {
        emailUnverified: 'Sähköpostiosoitettasi ei ole vahvistettu tunnistuspalvelussa. Vahvista se siellä ja yritä sitten uudelleen.',
        claimMissing: 'Tunnistuspalvelu ei kertonut, mikä tili on sinun. Kysy ylläpitäjältä.',
        none: 'Täällä ei ole tiliä identiteetille, jolla kirjauduit. Pyydä tiliä ylläpitäjältä.',
      });
    case 'ssoAccountConflict':
      return 'Tili, johon identiteettisi viittaa, on jo liitetty toiseen identiteettiin tässä tunnistuspalvelussa. Kysy ylläpitäjältä.';
    case 'ssoLinkRequired':
      return 'Tili, johon identiteettisi viittaa, on olemassa, mutta sitä ei ole vielä liitetty tähän identiteettiin. Pyydä ylläpitäjää liittämään se ja kirjaudu sitten uudelleen.';
    case 'ssoNotAllowed':
      return byReason(problem.reason, {
        disabled: 'Tämä tili on poistettu käytöstä. Kysy ylläpitäjältä.',
        ssoOff: 'Tällä tilillä ei kirjauduta tunnistuspalvelun kautta. Kirjaudu käyttäjätunnuksella ja salasanalla.',
        none: 'Tällä tilillä ei voi kirjautua tunnistuspalvelun kautta. Kysy ylläpitäjältä.',
      });
    case 'ssoResultInvalid':
      return 'Kirjautumista ei saatu valmiiksi, koska sen kertakäyttöinen tulos oli jo käytetty tai vanhentunut. Aloita alusta.';
    case 'ssoBrowserFailed':
      return 'Stepgate ei saanut selaintasi auki kirjautumista varten. Yritä uudelleen. Jos ongelma toistuu, kysy ylläpitäjältä.';
    case 'ssoStartRefused':
      return 'Kirjautumispalvelin antoi tälle tunnistuspalvelulle osoitteen, jota Stepgate ei saa avata. Kysy ylläpitäjältä.';
    default:
      return assertNever(problem);
  }
}

export const fi: Messages = {
  locale: LOCALE,
  appName: 'Stepgate',
  windowTitle: {
    signIn: 'Kirjaudu sisään – Stepgate',
    code: 'Vahvistuskoodi – Stepgate',
  },
  starting: 'Käynnistetään…',
  bridgeMissing: 'Osa Stepgatesta jäi latautumatta, joten tämä ikkuna ei toimi. Asenna Stepgate uudelleen, niin vian pitäisi korjaantua.',
  menu: { edit: 'Muokkaa', window: 'Ikkuna', help: 'Ohje', about: 'Tietoja Stepgatesta' },
  notices: {
    noKeychain:
      'Tällä tietokoneella ei ole käytettävissä avainnippua, joten Stepgate ei voi muistaa käyttäjätunnustasi eikä pitää sinua kirjautuneena. Kirjautuminen toimii silti.',
    keyringRefused:
      'Kirjautumisavainnippu ei suostunut tallentamaan, joten Stepgate ei voi pitää sinua kirjautuneena eikä muistaa mitään uutta tällä tietokoneella. Kirjautuminen toimii silti. Avaa kirjautumisavainnipun lukitus tai pyydä apua IT-tuelta.',
    keychainRefused:
      'Avainnippu ei suostunut tallentamaan, joten Stepgate ei voi pitää sinua kirjautuneena eikä muistaa mitään uutta tällä tietokoneella. Kirjautuminen toimii silti. Jos tämä toistuu, pyydä apua IT-tuelta.',
    trustedComputerNotKept:
      'Olet kirjautunut sisään, mutta avainnippuun ei saatu tallennettua, että tämä on luotettu tietokone. Siksi Stepgate kysyy koodia seuraavalla kirjautumiskerralla.',
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
    keepSignedIn: 'Pysy kirjautuneena',
    submit: 'Kirjaudu sisään',
    withProvider: (provider: string) => `Kirjaudu ${compound(provider, 'tunnuksella')}`,
    busy: 'Kirjaudutaan…',
    signedOut: 'Olet kirjautunut ulos.',
    signedOutUnconfirmed:
      'Olet kirjautunut ulos tällä tietokoneella, mutta kirjautumispalvelinta ei tavoitettu, joten istuntoasi ei vielä päätetty siellä. Stepgate yrittää uudelleen ja päättää istunnon heti, kun palvelin vastaa.',
    signedOutConfirmedLater: 'Olet kirjautunut ulos. Kirjautumispalvelin on nyt päättänyt istuntosi.',
    providers: 'Kirjaudu organisaatiosi kautta',
    or: 'tai',
    checkingOptions: 'Tarkistetaan kirjautumistapoja…',
    noSignInOption:
      'Organisaatiosi ei salli tässä kirjautumista salasanalla, eikä palvelimella ole muuta kirjautumistapaa. Kysy ylläpitäjältä.',
    retry: 'Yritä uudelleen',
  },
  browserSignIn: {
    heading: 'Jatka selaimessa',
    body: (name: string) => `Stepgate avasi selaimeesi ${compound(name, 'palvelun')} kirjautumissivun. Kirjaudu siellä, niin Stepgate jatkaa automaattisesti.`,
    deadline: 'Kirjautuminen on vietävä loppuun 5 minuutin kuluessa.',
    cancel: 'Peruuta',
    finishing: 'Viimeistellään kirjautumista…',
  },
  browserReturnPage: {
    done: 'Kirjautuminen jatkuu Stepgatessa. Voit sulkea tämän välilehden.',
    doneSwitchBack: 'Palaa Stepgateen: kirjautuminen jatkuu siellä. Voit sulkea tämän välilehden.',
    failed: 'Kirjautuminen ei onnistunut. Syy näkyy Stepgatessa. Voit sulkea tämän välilehden.',
    notOurs: 'Tämä ei ole kirjautuminen, jota Stepgate odottaa.',
  },
  recovery: {
    loadFailed: 'Stepgate ei voinut näyttää tätä ikkunaa.',
    loadFailedDetail: (cause: string) => `Ikkunan sivu ei latautunut (${cause}). Yritä uudelleen. Jos tämä toistuu, kerro IT-tuelle: tiedot ovat lokissa.`,
    reopened: 'Tämä Stepgaten ikkuna pysähtyi odottamatta, joten Stepgate avasi sen uudelleen.',
    reopenedDetail: (cause: string) => `Kirjautuminen jatkuu siitä, mihin se jäi. Kirjoita uudelleen teksti, jonka olit jo kirjoittanut. (${cause})`,
    crashLoop: 'Tämä Stepgaten ikkuna pysähtyy toistuvasti.',
    crashLoopDetail: (count: number) =>
      `Ikkuna pysähtyi ${n(count, { one: 'kerran', other: 'kertaa' })} minuutin aikana, joten Stepgate ei enää avaa sitä uudelleen automaattisesti. Yritä uudelleen tai lopeta ja kerro IT-tuelle: tiedot ovat lokissa.`,
    unresponsive: 'Tämä Stepgaten ikkuna ei vastaa.',
    unresponsiveDetail: 'Voit odottaa tai ladata ikkunan uudelleen. Kirjautuminen jatkuu siitä, mihin se jäi.',
    tryAgain: 'Yritä uudelleen',
    wait: 'Odota',
    reload: 'Lataa uudelleen',
    ok: 'Selvä',
    quit: 'Lopeta',
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
  diagnostics: {
    heading: 'Vianmääritystiedot',
    intro: 'IT-tukea varten. Niissä ei koskaan ole salasanaa, koodia eikä istuntotunnusta.',
    collecting: 'Kerätään vianmääritystietoja…',
    collectFailed: 'Vianmääritystietoja ei voitu kerätä. Sulje Tietoja-näkymä ja avaa se uudelleen.',
    copy: 'Kopioi vianmääritystiedot',
    copied: 'Vianmääritystiedot kopioitu',
    copyFailed: 'Vianmääritystietoja ei voitu kopioida. Yritä uudelleen.',
    title: 'Stepgaten vianmääritystiedot',
    label: {
      version: 'Versio',
      runtime: 'Ympäristö',
      collectedAt: 'Kerätty',
      server: 'Palvelin',
      serverOrigin: 'Palvelimen osoitteen lähde',
      proxy: 'Välityspalvelin',
      certificate: 'Palvelimen varmenne',
      clock: 'Kello',
      policy: 'Käytäntö',
      keychain: 'Avainnippu',
      logFile: 'Lokitiedosto',
    },
    origin: {
      policy: 'käytäntö',
      developmentSwitch: 'kehitysvalitsin (--server tai STEPGATE_SERVER)',
      userSettings: 'omat asetukset',
      buildDefaults: 'koontiversion oletus',
      enteredNow: 'annettu sovelluksessa',
    },
    noServer: 'ei vielä',
    proxyDirect: 'suora yhteys',
    proxyUnused: (proxy: string) => `suora yhteys (ympäristömuuttujissa on välityspalvelin ${proxy}, mutta tämä prosessi ei käytä sitä)`,
    proxyEnvironment: (proxy: string) => `${proxy} (ympäristöstä)`,
    notTls: 'ei TLS:ää (pelkkä http, vain tälle tietokoneelle)',
    issuedBy: (issuer: string) => `myöntäjä ${issuer}`,
    issuedTo: (subject: string) => `haltija ${subject}`,
    validUntil: (date: string) => `voimassa ${date} asti`,
    clockInStep: 'sama kuin palvelimella (sekunnin tarkkuudella)',
    clockAhead: (seconds: number) => `tämän tietokoneen kello on ${n(seconds, SECONDS)} palvelimen edellä`,
    clockBehind: (seconds: number) => `tämän tietokoneen kello on ${n(seconds, SECONDS)} palvelimen jäljessä`,
    failed: (cause: string) => `ei tiedossa: ${cause}`,
    policyNone: 'käytäntölähteitä ei luettu',
    policyAbsent: 'ei ole',
    policyEmpty: 'on olemassa, ei asetuksia',
    policyValues: (keys: string) => `asettaa ${keys}`,
    policyIgnored: (names: string) => `ohitettu: ${names}`,
    policyUnreadable: (cause: string) => `ei luettavissa: ${cause}`,
    keychainAvailable: 'käytettävissä',
    keychainMissing: 'ei käytettävissä, joten mitään ei muisteta',
    keychainUnchecked: 'ei vielä kirjoitettu tämän käynnistyksen aikana',
    keyringRefused: 'ei suostunut tallentamaan (kirjautumisavainnippu on lukittu tai Secret Service -palvelu ei ole käynnissä), joten mitään uutta ei muisteta',
    keychainRefused: 'ei suostunut tallentamaan, joten mitään uutta ei muisteta',
    noLogFile: 'ei ole (tämä prosessi kirjoittaa lokinsa konsoliin)',
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
    useRecovery: 'Käytä varakoodia',
    useAuthenticator: 'Käytä todennussovelluksen koodia',
    help: 'Etkö voi käyttää todennussovellusta?',
    cancel: 'Peruuta',
    startAgain: 'Aloita alusta',
    expiresIn: (seconds: number) => `Tämä kirjautumispyyntö vanhenee ${durationGenitive(seconds)} kuluttua.`,
    lockedFor,
    lockedOver,
    lockCause,
    lockIncludesRecovery: 'Varakoodejakaan ei voi käyttää ennen sitä.',
    lockIncludesAuthenticator: 'Todennussovelluksen koodejakaan ei voi käyttää ennen sitä.',
    // After a numeral the illative stays singular: "1 päivään", "30 päivään".
    trustComputer: (days: number) => `Älä kysy koodia tällä tietokoneella ${formatNumber(LOCALE, days)} päivään`,
    computerClock: (seconds: number) =>
      `Tämän tietokoneen kello on ${n(clockMinutes(seconds), { one: 'minuutin', other: 'minuuttia' })} ${seconds > 0 ? 'edellä' : 'jäljessä'} palvelimen aikaa. Se ei vaikuta koodiin, vain puhelimesi kello vaikuttaa.`,
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
    codeSkipped: (until: number) => `Koodia ei kysytty, koska tämä on luotettu tietokone ${time(until)} asti.`,
    trustedNow: (until: number) => `Stepgate ei kysy koodia tällä tietokoneella ${time(until)} asti.`,
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
      case 'wrongCode': {
        const left = n(problem.attemptsRemaining, { one: 'yritys', other: 'yritystä' });
        const over = problem.attemptsRemaining === 0;
        const reason = problem.reason;
        switch (reason) {
          case 'incorrect':
            return over
              ? 'Koodi on väärin, eikä yrityksiä ole enää jäljellä. Aloita alusta salasanalla.'
              : `Koodi on väärin. ${left} jäljellä. Varmista, että käytät sovelluksen uusinta koodia.`;
          case 'already_used':
            return over
              ? 'Tämä koodi on jo käytetty, eikä yrityksiä ole enää jäljellä. Aloita alusta salasanalla ja anna sitten sovelluksen seuraava koodi.'
              : `Tämä koodi on jo käytetty. Odota, että sovellus näyttää seuraavan koodin, ja anna se. ${left} jäljellä.`;
          case 'clock_skew':
            return `Koodi kuuluu toiseen aikaan: puhelimesi kello näyttää väärää aikaa. Ota puhelimessa käyttöön automaattinen aika ja ${over ? 'aloita sitten alusta salasanalla.' : `anna uusin koodi. ${left} jäljellä.`}`;
          default:
            return assertNever(reason);
        }
      }
      case 'challengeExpired':
        return 'Tämä kirjautumispyyntö on vanhentunut. Aloita alusta salasanalla.';
      case 'wrongRecoveryCode': {
        const left = n(problem.attemptsRemaining, { one: 'yritys', other: 'yritystä' });
        const over = problem.attemptsRemaining === 0;
        return problem.reason === 'already_used'
          ? over
            ? 'Tämä varakoodi on jo käytetty, eikä yrityksiä ole enää jäljellä. Aloita alusta salasanalla.'
            : `Tämä varakoodi on jo käytetty: kukin toimii vain kerran. Anna toinen varakoodi. ${left} jäljellä.`
          : over
            ? 'Varakoodi on väärin, eikä yrityksiä ole enää jäljellä. Aloita alusta salasanalla.'
            : `Varakoodi on väärin. ${left} jäljellä. Tarkista se tallentamistasi varakoodeista.`;
      }
      case 'locked': {
        const left = (problem.retryAt - now) / 1000;
        return withLockCause(left > 0 ? lockedFor(left) : lockedOver, lockCause, problem.reason);
      }
      case 'sessionEnded':
        return 'Istuntosi on päättynyt. Kirjaudu uudelleen.';
      case 'forbidden':
        return 'Tällä tilillä ei voi kirjautua tässä. Kysy ylläpitäjältä.';
      case 'notFound':
        return 'Tällä palvelimella ei ole tätä kirjautumistapaa. Tarkista palvelimen osoite.';
      case 'totpDisabled':
        return 'Kaksivaiheinen tunnistautuminen poistettiin juuri käytöstä tällä palvelimella. Kirjaudu uudelleen salasanalla.';
      case 'invalidRequest':
        return 'Palvelin ei hyväksynyt lähetettyjä tietoja. Tarkista antamasi tiedot ja yritä uudelleen.';
      case 'unreachable':
        return 'Palvelimeen ei saada yhteyttä. Tarkista verkkoyhteys ja palvelimen osoite ja yritä sitten uudelleen.';
      case 'proxyAuth':
        return 'Tämän tietokoneen ja kirjautumispalvelimen välinen välityspalvelin pyytää kirjautumista, joten mitään ei lähetetty palvelimelle. Pyydä IT-tukea päästämään Stepgate välityspalvelimen läpi.';
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
        return ssoProblem(problem);
    }
  },
  time,
};
