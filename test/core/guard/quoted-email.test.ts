import { describe, expect, it } from 'vitest';
import { quoteStart } from '../../../src/core/guard/quoted-email.js';

const start = (text: string) => quoteStart(text.split('\n'));

describe('where an email starts quoting or forwarding another', () => {
  it('finds the attribution line of the usual mail clients, in English and the usual support languages', () => {
    expect(start('Use Export.\n\nOn Mon, Mar 2, 2026 at 9:14 AM Peter Gibbons <peter@initech.example> wrote:\n> hi')).toBe(2);
    expect(start('Unter Einstellungen.\nAm 02.03.2026 um 09:14 schrieb Jürgen Weiß <j.weiss@hooli.example>:\n> Hallo')).toBe(1);
    expect(start('Dans Paramètres.\nLe lun. 2 mars 2026 à 09:14, Anne Dupont <anne@exemple.fr> a écrit :')).toBe(1);
    expect(start('En Ajustes.\nEl lun, 2 mar 2026 a las 9:14, Ana Ruiz (<ana@ejemplo.es>) escribió:')).toBe(1);
  });

  it("finds a forwarded message and Outlook's header block, under its rule or not", () => {
    expect(start('The audit log is under Settings.\n\n---------- Forwarded message ---------\nFrom: Michael <m@initech.example>')).toBe(2);
    expect(start('See below.\nBegin forwarded message:\n\nFrom: Anna')).toBe(1);
    expect(start('Re-authorise the S3 integration.\n\n________________________________\nFrom: Peter Gibbons\nSent: Monday, March 2, 2026 9:14 AM\nTo: Support')).toBe(2);
    expect(start('Fix.\nVon: Jürgen Weiß\nGesendet: Montag, 2. März 2026 09:14\nAn: Support')).toBe(1);
  });

  it('leaves an answer alone that only reads like a header', () => {
    expect(start('From: the Billing page, press Export.\nThe file downloads at once.')).toBe(-1);
    expect(start('On the Members page, the owner wrote the rules for invites.')).toBe(-1);
    expect(start('Press Save.\n____________\nThat is all.')).toBe(-1);
  });
});
