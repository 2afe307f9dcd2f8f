import { FormControl } from '@angular/forms';

import type { FieldKind, FieldView } from '../../shared/settings-view';
import { fieldValidator, inputOf, parseInput } from './field-value';

function field(kind: FieldKind, fields: Partial<FieldView> = {}): FieldView {
  return { name: 'value', kind, options: [], nullable: true, defaultValue: null, ...fields };
}

describe('inputOf', () => {
  it.each([
    ['boolean', true, true],
    ['boolean', null, false],
    ['integer', 389, '389'],
    ['number', 7.5, '7.5'],
    ['integer', null, ''],
    ['text', 'ldap.example.com', 'ldap.example.com'],
    ['text', undefined, ''],
    ['file', '/etc/ssl/ca.pem', '/etc/ssl/ca.pem'],
    ['choice', 'csv', 'csv'],
    ['choice', null, ''],
    ['json', ['a', 'b'], '[\n  "a",\n  "b"\n]'],
    ['json', null, ''],
  ] as const)('shows a %s field holding %j as %j', (kind, value, shown) => {
    expect(inputOf(field(kind), value)).toBe(shown);
  });
});

describe('parseInput', () => {
  it.each([
    ['boolean', true, true],
    ['boolean', false, false],
    ['integer', '389', 389],
    ['integer', ' -12 ', -12],
    ['integer', '', null],
    ['integer', '  ', null],
    ['number', '7.5', 7.5],
    ['number', '.5', 0.5],
    ['number', '1e3', 1000],
    ['number', '', null],
    ['text', 'ldap.example.com', 'ldap.example.com'],
    ['text', '', null],
    // A tab or a space is a fair CSV delimiter: text is sent as typed.
    ['text', ' ', ' '],
    ['text', '\t', '\t'],
    ['file', '/srv/users.csv', '/srv/users.csv'],
    ['choice', 'ldif', 'ldif'],
    ['choice', '', null],
    ['json', '{"a": [1, 2]}', { a: [1, 2] }],
    ['json', ' ', null],
  ] as const)('reads a %s field holding %j as %j', (kind, input, value) => {
    expect(parseInput(field(kind), input)).toEqual({ ok: true, value });
  });

  it.each([
    ['integer', '12.5', 'Enter a whole number.'],
    ['integer', '1e3', 'Enter a whole number.'],
    ['integer', 'abc', 'Enter a whole number.'],
    ['integer', '0x10', 'Enter a whole number.'],
    ['number', '5 minutes', 'Enter a number.'],
    ['number', '0x10', 'Enter a number.'],
    ['number', 'Infinity', 'Enter a number.'],
    ['number', '1e999', 'Enter a number.'],
    ['json', '{a: 1}', 'Enter valid JSON.'],
  ] as const)('cannot read %j in a %s field', (kind, input, message) => {
    expect(parseInput(field(kind), input)).toEqual({ ok: false, message });
  });
});

describe('fieldValidator', () => {
  it('flags the text of a number field that is not a number, and only that', () => {
    const control = new FormControl('abc', { validators: [fieldValidator(field('integer'))] });
    expect(control.errors).toEqual({ fieldValue: 'Enter a whole number.' });

    control.setValue('42');
    expect(control.errors).toBeNull();
  });
});
