import { describe, expect, it } from 'vitest';
import { ASSIGNEE_FIELD, assignFormCard, MAX_TEAMMATES } from '../../src/teams/render/teammate-forms.js';
import { assertCardWithinLimits } from './card-limits.js';

describe('the Teams assign form', () => {
  it('lists the first teammates a ChoiceSet can show, within the card limits, and says how many there are', () => {
    const staff = Array.from({ length: MAX_TEAMMATES + 50 }, (_, i) => ({ id: `aad-${i}`, name: `Teammate with a rather long display name ${String(i).padStart(3, '0')}` }));
    const card = assignFormCard('E-1', staff);
    assertCardWithinLimits(card);
    const picker = card.body.find((e) => e.id === ASSIGNEE_FIELD) as { choices: unknown[] };
    expect(picker.choices).toHaveLength(MAX_TEAMMATES);
    expect(JSON.stringify(card)).toContain(`The first ${MAX_TEAMMATES} of ${MAX_TEAMMATES + 50} teammates by name.`);
  });
});
