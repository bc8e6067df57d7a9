import { isNameWord } from './english.js';

/**
 * Words that lead the reader to a place on the screen, in the languages support teams answer in: what
 * follows them is the label of a menu, a page or a button, written capitalised as the screen writes it
 * ("Ouvrez Paramètres", "Klicken Sie auf Konto Einstellungen", "Abra Ajustes de Cuenta").
 */
const NAVIGATION = [
  // English
  // Not "go to": "invoices now go to Priya Raghunathan".
  'open', 'click', 'click on', 'tap', 'tap on', 'select', 'choose', 'navigate to', 'then on',
  // French
  'ouvrez', 'cliquez sur', 'appuyez sur', 'allez dans', 'allez sur', 'sélectionnez', 'choisissez', 'accédez à', 'rendez-vous dans', 'puis sur',
  // Spanish
  'abra', 'abre', 'haga clic en', 'haz clic en', 'pulse', 'pulsa', 'vaya a', 've a', 'seleccione', 'selecciona', 'elija', 'elige', 'acceda a', 'luego en',
  // German
  'öffnen sie', 'öffne', 'klicken sie auf', 'klicke auf', 'tippen sie auf', 'gehen sie zu', 'gehe zu', 'wählen sie', 'wähle', 'navigieren sie zu', 'dann auf',
  // Portuguese
  'clique em', 'clique no', 'clique na', 'toque em', 'vá em', 'vá para', 'vá até', 'acesse', 'selecione', 'escolha', 'depois em',
  // Dutch
  'klik op', 'tik op', 'ga naar', 'kies', 'selecteer', 'navigeer naar', 'daarna op', 'dan op',
];
/** Small words a label may hold between its capitalised ones: "Métodos de Pago", "Terms and Conditions". */
const JOINERS = ['de', 'del', 'da', 'do', 'das', 'dos', 'des', 'du', 'la', 'le', 'of', 'the', 'and', '&', 'und', 'et', 'y', 'e', 'van', 'het'];

const WORD = String.raw`\p{Lu}[\p{L}\p{M}'’-]*(?![\p{L}\p{M}'’-])`;
const LABEL = String.raw`${WORD}(?:[ \t]+(?:(?:${JOINERS.join('|')})[ \t]+)?${WORD}){0,4}`;
/** A word that leads to a label, in any case (a sentence opens with "Ouvrez"). */
const LEAD_WORDS = [...NAVIGATION].sort((a, b) => b.length - a.length).join('|');
const LEADS = new RegExp(String.raw`(?<![\p{L}\p{M}])(?:${LEAD_WORDS})[ \t]+(?:the[ \t]+)?`, 'giu');
/**
 * Words that end a step where its label ends: the next step, its purpose, another choice. A name is
 * followed by more ("select Åsa Lindqvist as the approver", "klicken Sie auf Jürgen Weiß, er hilft").
 */
const NEXT = ['and', 'then', 'or', 'to', 'puis', 'et', 'ou', 'pour', 'y', 'e', 'o', 'luego', 'para', 'und', 'dann', 'oder', 'um', 'en', 'of', 'om', 'daarna'];
/** The labels it leads to, capitalised, joined by ">" as a path through the screens ("Facturación > Métodos de Pago"), up to the step's end. */
const PATH = new RegExp(String.raw`${LABEL}(?:[ \t]*>[ \t]*${LABEL})*(?=[ \t]*(?:[.;:!?)>]|$|,?[ \t]*(?:${NEXT.join('|')}|${LEAD_WORDS})(?![\p{L}\p{M}])))`, 'yu');
/** A path by itself: "Credits show under Billing > Credits". */
const JOINED = new RegExp(String.raw`(?<![\p{L}\p{M}])${LABEL}(?:[ \t]*>[ \t]*${LABEL})+`, 'gu');

/** A place as the screen names it, lower-case, unless a word of it is a person's name the English model knows. */
const unnamed = (place: string) => (place.split(/[^\p{L}]+/u).some((w) => isNameWord(w.toLowerCase())) ? place : place.toLowerCase());

/**
 * The text with the screen labels it leads to written lower-case, and the words that lead to them: what
 * the name finder must not read as a person ("Cliquez sur Mon Compte" is a button, "Ouvrez" a verb). A
 * label holding a word the English model knows as a person's name is left as written.
 */
export function withoutScreenLabels(text: string): string {
  let out = text.replace(JOINED, unnamed);
  for (const lead of text.matchAll(LEADS)) {
    PATH.lastIndex = lead.index + lead[0].length;
    // The lead alone too: a sentence's "Allez dans" before a path already lowered.
    const end = PATH.exec(out) ? PATH.lastIndex : lead.index + lead[0].length;
    out = out.slice(0, lead.index) + unnamed(out.slice(lead.index, end)) + out.slice(end);
  }
  return out;
}
