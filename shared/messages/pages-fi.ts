/** The browser pages' words in Finnish: the keys of pages-en.ts, the Finnish vocabulary written down in fi.ts. */
import type { FieldReason } from './field-reason.js';
import type { PagesMessages } from './pages-en.js';
import { count, type PluralForms } from './plural.js';

const LOCALE = 'fi';
const n = (value: number, forms: PluralForms) => count(LOCALE, value, forms);
const CHARACTERS: PluralForms = { one: 'merkki', other: 'merkkiä' };
/** "30 päivään", "1 päivään": how long the code is not asked. */
const DAYS_ILLATIVE: PluralForms = { other: 'päivään' };

/** The fields the server may name, in the nominative and the genitive, as the sentences need them. */
const FIELD_NAMES: Readonly<Record<string, { readonly nominative: string; readonly genitive: string }>> = {
  name: { nominative: 'Nimi', genitive: 'Nimen' },
  username: { nominative: 'Käyttäjätunnus', genitive: 'Käyttäjätunnuksen' },
  password: { nominative: 'Salasana', genitive: 'Salasanan' },
  displayName: { nominative: 'Näyttönimi', genitive: 'Näyttönimen' },
  disabled: { nominative: 'Tämä muutos', genitive: 'Tämän muutoksen' },
  currentPassword: { nominative: 'Nykyinen salasana', genitive: 'Nykyisen salasanan' },
  newPassword: { nominative: 'Uusi salasana', genitive: 'Uuden salasanan' },
  trustedComputerDays: { nominative: 'Päivien määrä', genitive: 'Päivien määrän' },
  'trustComputer.name': { nominative: 'Tietokoneen nimi', genitive: 'Tietokoneen nimen' },
  'trustComputer.days': { nominative: 'Päivien määrä', genitive: 'Päivien määrän' },
};
const SOME_VALUE = { nominative: 'Arvo', genitive: 'Arvon' };

function fieldSentence(field: string, reason: FieldReason): string {
  const name = FIELD_NAMES[field] ?? SOME_VALUE;
  switch (reason.kind) {
    case 'required':
      return `${name.nominative} puuttuu.`;
    case 'empty':
      return `${name.nominative} ei saa olla tyhjä.`;
    case 'tooShort':
      return `${name.genitive} pituuden on oltava vähintään ${n(reason.min, CHARACTERS)}.`;
    case 'tooLong':
      return `${name.genitive} pituus saa olla enintään ${n(reason.max, CHARACTERS)}.`;
    case 'format':
      return `${name.genitive} muoto on väärä.`;
    case 'notAllowed':
      return `${name.nominative} ei ole sallittu.`;
    case 'other':
      return `${name.nominative} ei kelpaa.`;
  }
}

export const pagesFi: PagesMessages = {
  title: {
    signIn: 'Kirjaudu sisään – Stepgate',
    enroll: 'Ota todennussovellus käyttöön – Stepgate',
    settings: 'Kirjautumisasetukset – Stepgate',
    admin: 'Ylläpito – Stepgate',
    help: 'Etkö voi käyttää todennussovellusta? – Stepgate',
  },
  frame: {
    nav: 'Stepgaten sivut',
    settings: 'Kirjautumisasetukset',
    admin: 'Ylläpito',
    signOut: 'Kirjaudu ulos',
    signedInAs: (name: string) => `Kirjautuneena: ${name}`,
    signOutFailed: 'Olet yhä kirjautuneena: kirjautumispalvelin ei päättänyt istuntoasi. Tarkista yhteys ja kirjaudu sitten ulos uudelleen.',
  },
  loading: 'Ladataan…',
  cancel: 'Peruuta',
  close: 'Sulje',
  copy: {
    done: 'Kopioitu leikepöydälle.',
    failed: 'Kopiointi ei onnistunut. Valitse teksti ja kopioi se itse.',
  },
  signIn: {
    sessionEnded: 'Istuntosi on päättynyt. Jatka kirjautumalla uudelleen.',
    purpose: {
      '/enroll': 'Kirjaudu sisään, niin voit ottaa todennussovelluksen käyttöön.',
      '/settings': 'Kirjaudu sisään, niin voit hallita kaksivaiheista tunnistautumista.',
      '/admin': 'Kirjaudu sisään, niin voit käyttää ylläpitosivua.',
    },
  },
  handoff: {
    title: 'Jatka Stepgate-sovelluksesta – Stepgate',
    heading: 'Jatka Stepgate-sovelluksesta',
    checking: 'Tarkistetaan sovelluksen linkkiä…',
    question: (name: string) => `Olet kirjautunut Stepgate-sovellukseen käyttäjänä ${name}. Jatketaanko tässä selaimessa käyttäjänä ${name}?`,
    continue: 'Jatka',
    continuing: 'Kirjaudutaan…',
    notYou: 'Etkö ole tämä käyttäjä? Kirjaudu omalla tililläsi',
    invalid: 'Sovelluksen linkki on vanhentunut tai jo käytetty. Kirjaudu sisään tässä tai avaa sivu uudelleen sovelluksesta.',
    failed: 'Kirjautumispalvelimeen ei saatu yhteyttä. Tarkista yhteys ja lataa sivu uudelleen.',
    signIn: 'Kirjaudu sisään',
  },
  enroll: {
    heading: 'Ota todennussovellus käyttöön',
    intro:
      'Todennussovellus, kuten Microsoft Authenticator tai Google Authenticator, näyttää 30 sekunnin välein uuden vahvistuskoodin. Annat koodin, kun kirjaudut sisään.',
    nameLabel: 'Tämän todennussovelluksen nimi',
    nameHint:
      'Voit ottaa käyttöön useamman kuin yhden todennussovelluksen, joten valitse nimi, josta tunnistat laitteen, esimerkiksi ”Työpuhelin”. Kaksivaiheisen tunnistautumisen asetuksissa se näkyy tällä nimellä.',
    nameRequired: 'Anna tälle todennussovellukselle nimi.',
    continue: 'Jatka',
    creating: 'Valmistellaan…',
    scanHeading: 'Skannaa QR-koodi todennussovelluksella',
    scanIntro: 'Valitse todennussovelluksessa tilin lisääminen ja skannaa sitten tämä QR-koodi.',
    appLabel: (label: string) => `Sovellus näyttää tilin nimellä ”${label}”.`,
    qrAlt: (name: string) => `QR-koodi todennussovelluksen ”${name}” käyttöönottoon`,
    showKey: 'Syötä avain käsin',
    keyIntro: 'Valitse todennussovelluksessa asetusavaimen syöttäminen ja anna nämä tiedot. Jos sovellus kysyy, valitse aikaan perustuva koodi.',
    accountLabel: 'Tilin nimi',
    keyLabel: 'Asetusavain',
    copyKey: 'Kopioi avain',
    confirmHeading: 'Anna vahvistuskoodi',
    confirmIntro: (digits: number) => `Viimeistele antamalla ${digits}-numeroinen koodi, jonka sovellus nyt näyttää tälle tilille.`,
    codeLabel: (digits: number) => `Vahvistuskoodi, ${n(digits, { one: 'numero', other: 'numeroa' })}`,
    save: 'Vahvista ja tallenna',
    saving: 'Tarkistetaan koodia…',
    wrongCode: (left: number) =>
      left > 0
        ? `Koodi on väärin. ${n(left, { one: 'yritys', other: 'yritystä' })} jäljellä. Tarkista, että laitteesi kellonaika on oikein, ja anna uusin koodi.`
        : 'Koodi on väärin, ja tämä käyttöönotto päättyi. Aloita alusta.',
    expired: 'Käyttöönotto kesti liian kauan ja päättyi. Aloita alusta.',
    startAgain: 'Aloita alusta',
    saved: (name: string) => `”${name}” on otettu käyttöön. Tästä lähtien voit kirjautua sen näyttämällä koodilla.`,
    toSettings: 'Siirry kaksivaiheisen tunnistautumisen asetuksiin',
    backToApp: 'Jos tulit tänne Stepgate-työpöytäsovelluksesta, palaa nyt siihen ja kirjaudu tämän todennussovelluksen koodilla.',
    totpOff: 'Kaksivaiheinen tunnistautuminen ei ole käytössä tällä palvelimella, joten mitään ei tarvitse ottaa käyttöön.',
  },
  recovery: {
    heading: 'Tallenna varakoodisi',
    intro:
      'Jos et pääse käyttämään todennussovellustasi, voit kirjautua varakoodilla. Kukin koodi toimii kerran. Koodit näytetään vain tämän kerran: kopioi tai lataa ne tai kirjoita ne muistiin ja säilytä ne turvallisessa paikassa.',
    listLabel: 'Varakoodisi',
    copy: 'Kopioi koodit',
    download: 'Lataa koodit',
    fileName: 'stepgate-varakoodit.txt',
    fileHeader: (environment: string) => `Stepgaten varakoodit${environment === '' ? '' : ` (${environment})`}. Kukin koodi toimii kerran.`,
    acknowledge: 'Olen tallentanut varakoodit turvalliseen paikkaan',
    mustAcknowledge: 'Vahvista, että olet tallentanut varakoodit, ennen kuin jatkat.',
    continue: 'Jatka',
  },
  trust: {
    checkbox: (days: number) => `Älä kysy koodia tällä tietokoneella ${n(days, DAYS_ILLATIVE)}`,
    checkboxHint: 'Valitse tämä vain, jos kukaan muu ei käytä tätä tietokonetta: siihen asti kirjaudut tällä selaimella pelkällä salasanalla.',
    computerName: (name: { readonly browser: string | null; readonly system: string | null }) =>
      `${name.browser ?? 'Verkkoselain'}${name.system === null ? '' : `, ${name.system}`}`,
    trusted: (until: string) => `Tämä tietokone on nyt luotettu: ${until} asti kirjautuminen tällä selaimella kysyy vain salasanaa.`,
    codeSkipped: (until: string) => `Vahvistuskoodia ei kysytty, koska tämä tietokone on luotettu ${until} asti.`,
  },
  settings: {
    heading: 'Kirjautumisasetukset',
    totpOff: 'Kaksivaiheinen tunnistautuminen ei ole käytössä tällä palvelimella. Todennussovelluksesi säilyvät, mutta kirjautuminen ei kysy koodia.',
    required: 'Tilisi edellyttää kaksivaiheista tunnistautumista.',
    optional: 'Kaksivaiheinen tunnistautuminen ei ole tilillesi pakollinen, mutta suosittelemme sitä.',
    authenticatorsHeading: 'Todennussovellukset',
    none: 'Sinulla ei ole käytössä todennussovellusta.',
    name: 'Nimi',
    added: 'Lisätty',
    lastUsed: 'Viimeksi käytetty',
    never: 'Ei koskaan',
    actions: 'Toiminnot',
    add: 'Ota todennussovellus käyttöön',
    addAnother: 'Ota käyttöön toinen todennussovellus',
    remove: 'Poista',
    removeLabel: (name: string) => `Poista ”${name}”`,
    removeHeading: (name: string) => `Poistetaanko ”${name}”?`,
    removeBody:
      'Tämän todennussovelluksen koodeilla ei voi enää kirjautua. Poista myös tämän tilin Stepgate-merkintä todennussovelluksestasi, jotta et myöhemmin valitse väärää koodia.',
    removeLastRequired:
      'Tämä on ainoa todennussovelluksesi, ja tilisi edellyttää kaksivaiheista tunnistautumista: kun seuraavan kerran kirjaudut, sinua pyydetään ottamaan todennussovellus uudelleen käyttöön.',
    removeLastOptional: 'Tämä on ainoa todennussovelluksesi: kun poistat sen, kirjautuminen kysyy vain salasanaa, eivätkä varakoodisi enää toimi.',
    removeEndsTrusted: 'Samalla kaikki luotetut tietokoneesi unohdetaan: seuraava kirjautuminen millä tahansa niistä kysyy vahvistuskoodia.',
    removeConfirm: 'Poista todennussovellus',
    removed: (name: string) => `”${name}” poistettiin. Muista poistaa se myös todennussovelluksestasi.`,
    recoveryHeading: 'Varakoodit',
    recoveryLeft: (left: number) => `Sinulla on ${n(left, { one: 'käyttämätön varakoodi', other: 'käyttämätöntä varakoodia' })}.`,
    recoveryNone: 'Varakoodit luodaan, kun otat ensimmäisen todennussovelluksesi käyttöön.',
    regenerate: 'Luo uudet varakoodit',
    regenerateHeading: 'Luodaanko uudet varakoodit?',
    regenerateBody: 'Nykyiset varakoodisi lakkaavat toimimasta heti. Tallenna uudet, kun ne näytetään.',
    regenerateConfirm: 'Luo uudet koodit',
    trustedHeading: 'Luotetut tietokoneet',
    trustedIntro: (days: number) =>
      `Kun kirjaudut vahvistuskoodilla, voit valita, ettei sillä tietokoneella kysytä koodia enintään ${n(days, DAYS_ILLATIVE)}. Silloin kuka tahansa salasanasi tietävä voi kirjautua siellä, joten poista tietokoneet, joita et enää käytä.`,
    trustedOff: 'Luotetut tietokoneet eivät ole käytössä tällä palvelimella: jokainen kirjautuminen kysyy vahvistuskoodia.',
    trustedNone: 'Yksikään tietokone ei ole luotettu.',
    expires: 'Päättyy',
    thisBrowser: 'Tämä selain',
    removeTrustedLabel: (name: string) => `Poista ”${name}” luotetuista tietokoneista`,
    removeTrustedHeading: (name: string) => `Poistetaanko ”${name}” luotetuista tietokoneista?`,
    removeTrustedBody: 'Seuraava kirjautuminen sillä tietokoneella kysyy taas vahvistuskoodia.',
    removeTrustedThis: 'Käytät juuri tätä selainta.',
    removeTrustedConfirm: 'Poista',
    removedTrusted: (name: string) => `”${name}” poistettiin luotetuista tietokoneista. Seuraava kirjautuminen sillä kysyy taas vahvistuskoodia.`,
    forgetAll: 'Unohda kaikki luotetut tietokoneet',
    forgetAllHeading: 'Unohdetaanko kaikki luotetut tietokoneet?',
    forgetAllBody: 'Jokainen luotettu tietokone, myös tämä, kysyy vahvistuskoodia seuraavalla kirjautumiskerralla.',
    forgetAllConfirm: 'Unohda kaikki',
    forgotAll: 'Kaikki luotetut tietokoneet unohdettiin. Jokainen kirjautuminen kysyy taas vahvistuskoodia.',
    passwordHeading: 'Vaihda salasana',
    currentPassword: 'Nykyinen salasana',
    newPassword: 'Uusi salasana',
    repeatPassword: 'Uusi salasana uudelleen',
    newPasswordHint: (min: number) => `Vähintään ${n(min, CHARACTERS)}.`,
    changePassword: 'Vaihda salasana',
    changingPassword: 'Vaihdetaan salasanaa…',
    currentMissing: 'Anna nykyinen salasanasi.',
    newTooShort: (min: number) => `Uuden salasanan pituuden on oltava vähintään ${n(min, CHARACTERS)}.`,
    mismatch: 'Uudet salasanat eivät ole samat. Kirjoita uusi salasana uudelleen kumpaankin kenttään.',
    wrongCurrent: 'Nykyinen salasanasi on väärin. Tarkista se ja yritä uudelleen.',
    passwordChanged: 'Salasanasi on vaihdettu. Muut istuntosi päättyivät, ja kaikki luotetut tietokoneesi unohdettiin.',
  },
  admin: {
    heading: 'Ylläpito',
    notAllowed: 'Vain ylläpitäjät voivat avata tämän sivun. Kirjaudu ylläpitäjän tilillä tai kysy ylläpitäjältä.',
    environmentHeading: 'Ympäristö',
    totpEnabled: 'Kaksivaiheinen tunnistautuminen käytössä',
    totpEnabledHint: 'Kun tämä ei ole käytössä, keneltäkään ei kysytä vahvistuskoodia eikä todennussovellusta voi ottaa käyttöön.',
    requiredForAll: 'Pakollinen kaikille',
    requiredForAllHint: 'Jokaisen on otettava todennussovellus käyttöön seuraavalla kirjautumiskerrallaan.',
    trustedDays: 'Kuinka monta päivää tietokone pysyy luotettuna',
    trustedDaysHint:
      'Kun käyttäjä kirjautuu vahvistuskoodilla, hän voi valita, ettei sillä tietokoneella kysytä koodia näin moneen päivään. 0 poistaa luotetut tietokoneet käytöstä ja unohtaa kaikki nykyiset. Jos pienennät määrää, myös jo luotettujen tietokoneiden aika lyhenee.',
    trustedDaysInvalid: 'Anna päivien määrä kokonaislukuna väliltä 0–365.',
    saveDays: 'Tallenna päivät',
    turnOffHeading: 'Poistetaanko luotetut tietokoneet käytöstä?',
    turnOffBody: 'Kaikkien käyttäjien luotetut tietokoneet unohdetaan heti, ja jokainen kirjautuminen kysyy vahvistuskoodia.',
    turnOffConfirm: 'Poista käytöstä',
    usersHeading: 'Käyttäjät',
    search: 'Hae käyttäjiä',
    searchHint: 'Käyttäjätunnus tai näyttönimi',
    noUsers: 'Hakua vastaavia käyttäjiä ei ole.',
    username: 'Käyttäjätunnus',
    displayName: 'Näyttönimi',
    authenticators: 'Todennussovellukset',
    trustedComputers: 'Luotetut tietokoneet',
    status: 'Tila',
    admin: 'Ylläpitäjä',
    active: 'Käytössä',
    disabled: 'Poistettu käytöstä',
    requireTotp: 'Kaksivaiheinen tunnistautuminen pakollinen',
    requireTotpFor: (username: string) => `Tee kaksivaiheinen tunnistautuminen pakolliseksi käyttäjälle ${username}`,
    revoke: 'Nollaa kaksivaiheinen tunnistautuminen',
    revokeFor: (username: string) => `Nollaa kaksivaiheinen tunnistautuminen käyttäjältä ${username}`,
    revokeHeading: (username: string) => `Nollataanko käyttäjän ${username} kaksivaiheinen tunnistautuminen?`,
    revokeBody:
      'Kaikki tämän käyttäjän todennussovellukset ja varakoodit lakkaavat toimimasta heti, ja hänen istuntonsa päättyvät. Jos kaksivaiheinen tunnistautuminen on hänelle pakollinen, seuraava kirjautuminen pyytää häntä ottamaan todennussovelluksen uudelleen käyttöön.',
    revokeConfirm: 'Nollaa kaksivaiheinen tunnistautuminen',
    disable: 'Poista käytöstä',
    disableFor: (username: string) => `Poista käytöstä käyttäjä ${username}`,
    enable: 'Ota käyttöön',
    enableFor: (username: string) => `Ota käyttöön käyttäjä ${username}`,
    trustedCount: (username: string, count: number) => `Käyttäjän ${username} luotetut tietokoneet: ${count}`,
    trustedOf: (username: string) => `Käyttäjän ${username} luotetut tietokoneet`,
    trustedNoneFor: (username: string) => `Käyttäjällä ${username} ei ole luotettuja tietokoneita.`,
    removeTrustedFor: (name: string, username: string) => `Poista ”${name}” käyttäjän ${username} luotetuista tietokoneista`,
    removeTrustedHeading: (name: string, username: string) => `Poistetaanko ”${name}” käyttäjän ${username} luotetuista tietokoneista?`,
    removeTrustedBody: 'Seuraava kirjautuminen sillä tietokoneella kysyy taas vahvistuskoodia.',
    removedTrusted: (name: string, username: string) => `”${name}” ei ole enää käyttäjän ${username} luotettu tietokone.`,
    forgetAllFor: (username: string) => `Unohda kaikki käyttäjän ${username} luotetut tietokoneet`,
    forgetAllHeading: (username: string) => `Unohdetaanko kaikki käyttäjän ${username} luotetut tietokoneet?`,
    forgetAllBody: 'Tämän käyttäjän jokainen kirjautuminen kysyy taas vahvistuskoodia, millä tietokoneella tahansa.',
    forgetAllConfirm: 'Unohda kaikki',
    forgotAll: (username: string) => `Kaikki käyttäjän ${username} luotetut tietokoneet unohdettiin.`,
    setPassword: 'Aseta salasana',
    setPasswordFor: (username: string) => `Aseta salasana käyttäjälle ${username}`,
    setPasswordBody: 'Tämän käyttäjän kaikki istunnot päättyvät heti, ja hänen luotetut tietokoneensa unohdetaan. Toimita uusi salasana käyttäjälle turvallisesti.',
    newPassword: 'Uusi salasana',
    passwordSet: (username: string) => `Käyttäjän ${username} salasana vaihdettiin. Hänen istuntonsa päättyivät, ja hänen luotetut tietokoneensa unohdettiin.`,
    createHeading: 'Luo käyttäjä',
    password: 'Alkusalasana',
    passwordHint: 'Vähintään 8 merkkiä. Toimita se käyttäjälle turvallisesti.',
    makeAdmin: 'Ylläpitäjä',
    newRequireTotp: 'Kaksivaiheinen tunnistautuminen pakollinen',
    create: 'Luo käyttäjä',
    created: (username: string) => `Käyttäjä ${username} luotiin.`,
    saved: 'Tallennettu.',
    savedTotp: (on: boolean) =>
      on
        ? 'Tallennettu: kaksivaiheinen tunnistautuminen on käytössä.'
        : 'Tallennettu: kaksivaiheinen tunnistautuminen ei ole käytössä. Vahvistuskoodia ei kysytä keneltäkään, ennen kuin se otetaan taas käyttöön.',
    savedRequiredForAll: (on: boolean) =>
      on ? 'Tallennettu: kaikkien on otettava todennussovellus käyttöön seuraavalla kirjautumisella.' : 'Tallennettu: todennussovellusta ei enää vaadita kaikilta.',
    totpOffHeading: 'Poistetaanko kaksivaiheinen tunnistautuminen käytöstä kaikilta?',
    totpOffBody:
      'Vahvistuskoodia ei kysytä keneltäkään kirjautuessa, eikä kukaan voi ottaa todennussovellusta käyttöön, ennen kuin se otetaan taas käyttöön. Jo käyttöön otetut todennussovellukset säilyvät.',
    totpOffConfirm: 'Poista käytöstä kaikilta',
    selfUnprotected: 'Omalla ylläpitäjätililläsi ei ole todennussovellusta. Ota sellainen käyttöön, jotta pelkkä salasana ei avaa tiliäsi.',
    selfUnprotectedLink: 'Ota todennussovellus käyttöön',
    revoked: (username: string) => `Käyttäjän ${username} kaksivaiheinen tunnistautuminen nollattiin.`,
  },
  help: {
    heading: 'Etkö voi käyttää todennussovellusta?',
    intro:
      'Jos puhelimesi on kadonnut, vaihtunut tai palautettu tehdasasetuksiin tai sovellus ei enää näytä tämän tilin koodeja, pääset silti takaisin.',
    recoveryHeading: 'Käytä varakoodia',
    recovery: (button: string) =>
      `Kun kirjautuminen kysyy vahvistuskoodia, valitse ”${button}” ja anna jokin varakoodeista, jotka tallensit ottaessasi kaksivaiheisen tunnistautumisen käyttöön. Kukin koodi toimii kerran.`,
    afterRecovery:
      'Kun olet kirjautunut, ota todennussovellus uudelleen käyttöön kaksivaiheisen tunnistautumisen asetuksissa ja luo uudet varakoodit, jos niitä on vähän jäljellä.',
    adminHeading: 'Eikö sinulla ole varakoodeja?',
    admin:
      'Pyydä ylläpitäjää nollaamaan kaksivaiheinen tunnistautumisesi. Seuraava kirjautumisesi kysyy silloin vain salasanaa ja ohjaa sinut ottamaan todennussovelluksen uudelleen käyttöön.',
    timeHeading: 'Eivätkö koodit kelpaa?',
    time: 'Todennussovellukset käyttävät puhelimesi kelloa. Tarkista, että puhelin asettaa kellonajan automaattisesti, ja anna uusin koodi.',
    toSignIn: 'Siirry kirjautumaan',
  },
  field: fieldSentence,
};
