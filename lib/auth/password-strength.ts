// How guessable a new password is, by zxcvbn (score 0–4) with the common-password list, keyboard
// patterns and the user's own name and e-mail as words an attacker would try first. One module for
// the server's validation and the form that explains as they type (it is safe in the browser; the
// form loads it on first keystroke, since the password list is a few hundred kB).
import { ZxcvbnFactory, type TranslationKeys } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { accountEmail } from "@/lib/referrals/normalize-email";

/** zxcvbn's "safely unguessable: moderate protection from offline slow-hash scenario". */
export const MIN_PASSWORD_SCORE = 3;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;

export type PasswordOwner = { name?: string | null; email?: string | null };
export type PasswordVerdict = { ok: boolean; score: number; message: string | null };

const ENGLISH: TranslationKeys = {
  warnings: {
    straightRow: "Straight rows of keys on your keyboard are easy to guess.",
    keyPattern: "Short keyboard patterns are easy to guess.",
    simpleRepeat: 'Repeated characters like "aaa" are easy to guess.',
    extendedRepeat: 'Repeated patterns like "abcabcabc" are easy to guess.',
    sequences: 'Common sequences like "abc" are easy to guess.',
    recentYears: "Recent years are easy to guess.",
    dates: "Dates are easy to guess.",
    topTen: "This is one of the most used passwords.",
    topHundred: "This is a very commonly used password.",
    common: "This is a commonly used password.",
    similarToCommon: "This is similar to a commonly used password.",
    wordByItself: "Single words are easy to guess.",
    namesByThemselves: "Single names or surnames are easy to guess.",
    commonNames: "Common names and surnames are easy to guess.",
    userInputs: "Don't use your name or e-mail address in your password.",
    pwned: "This password has appeared in a data breach.",
  },
  suggestions: {
    l33t: "Avoid predictable letter swaps like '@' for 'a'.",
    reverseWords: "Avoid reversed spellings of common words.",
    allUppercase: "Capitalise some, but not all, letters.",
    capitalization: "Capitalise more than the first letter.",
    dates: "Avoid dates and years that are associated with you.",
    recentYears: "Avoid recent years.",
    associatedYears: "Avoid years that are associated with you.",
    sequences: "Avoid common character sequences.",
    repeated: "Avoid repeated words and characters.",
    longerKeyboardPattern: "Use longer keyboard patterns and change typing direction several times.",
    anotherWord: "Add more words that are less common.",
    useWords: "Use several unrelated words together.",
    noNeed: "You can create strong passwords without symbols, numbers or uppercase letters.",
    pwned: "If you use this password elsewhere, you should change it.",
  },
  timeEstimation: {
    ltSecond: "less than a second",
    second: "{base} second",
    seconds: "{base} seconds",
    minute: "{base} minute",
    minutes: "{base} minutes",
    hour: "{base} hour",
    hours: "{base} hours",
    day: "{base} day",
    days: "{base} days",
    month: "{base} month",
    months: "{base} months",
    year: "{base} year",
    years: "{base} years",
    centuries: "centuries",
  },
};

let factory: ZxcvbnFactory | undefined;
const estimator = () =>
  (factory ??= new ZxcvbnFactory({
    dictionary,
    graphs: adjacencyGraphs,
    translations: ENGLISH,
    useLevenshteinDistance: true,
  }));

/**
 * The words of someone's name and e-mail an attacker would try: the whole address, its local part,
 * the pieces of both ("maya.lopez+work" → maya, lopez, work) and the domain's name.
 */
export function ownerWords({ name, email }: PasswordOwner): string[] {
  const words = new Set<string>();
  const add = (w: string | undefined) => {
    const word = w?.trim().toLowerCase();
    if (word && word.length >= 3) words.add(word);
  };
  add(name ?? undefined);
  for (const part of (name ?? "").split(/[\s.'_-]+/)) add(part);
  const address = accountEmail(email ?? "");
  if (address) {
    add(address);
    const [local, domain = ""] = address.split("@");
    add(local);
    for (const part of local.split(/[._+-]+/)) add(part);
    add(domain.split(".")[0]);
  }
  return [...words];
}

/** Whether `password` is long enough and hard enough to guess for this person, and if not, why. */
export function checkPasswordStrength(password: string, owner: PasswordOwner = {}): PasswordVerdict {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return { ok: false, score: 0, message: `Use at least ${PASSWORD_MIN_LENGTH} characters.` };
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return { ok: false, score: 0, message: `Use at most ${PASSWORD_MAX_LENGTH} characters.` };
  }
  const result = estimator().check(password, ownerWords(owner));
  if (result.score >= MIN_PASSWORD_SCORE) return { ok: true, score: result.score, message: null };
  const { warning, suggestions } = result.feedback;
  const why = warning || "This password would be easy to guess.";
  const tip = suggestions[0] ?? ENGLISH.suggestions.anotherWord;
  return { ok: false, score: result.score, message: `Too easy to guess. ${why} ${tip}` };
}
