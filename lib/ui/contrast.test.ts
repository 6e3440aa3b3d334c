import { describe, expect, it } from 'vitest';
import { brandStyle, defaultBrandColor } from './brand';
import { contrastRatio, parseHex, readableTextOn, toHex, withContrastOn } from './contrast';

describe('contrastRatio', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // WebAIM's checker: #767676 on white is the lightest grey that passes AA.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('is symmetric and accepts short and unprefixed hex', () => {
    expect(contrastRatio('#4f46e5', '#fff')).toBeCloseTo(contrastRatio('ffffff', '4f46e5'), 10);
    expect(parseHex('#abc')).toEqual([0xaa, 0xbb, 0xcc]);
    expect(toHex(parseHex('4F46E5'))).toBe('#4f46e5');
  });

  it('rejects what is not a hex colour', () => {
    expect(() => parseHex('red')).toThrow(/not a hex colour/);
  });
});

describe('readableTextOn', () => {
  it('puts white on dark and black on light colours', () => {
    expect(readableTextOn('#4f46e5')).toBe('#ffffff');
    expect(readableTextOn('#111827')).toBe('#ffffff');
    expect(readableTextOn('#facc15')).toBe('#000000');
    expect(readableTextOn('#ffffff')).toBe('#000000');
  });

  it('reaches 4.5:1 on every colour of a 16-step RGB grid', () => {
    const steps = Array.from({ length: 16 }, (_, i) => i * 17);
    for (const r of steps)
      for (const g of steps)
        for (const b of steps) {
          const background = toHex([r, g, b]);
          expect(contrastRatio(readableTextOn(background), background)).toBeGreaterThanOrEqual(4.5);
        }
  });
});

describe('withContrastOn', () => {
  it('keeps a colour that already passes', () => {
    expect(withContrastOn('#4f46e5', '#ffffff')).toBe('#4f46e5');
  });

  it('lightens a dark brand for dark surfaces and darkens a light one for light surfaces', () => {
    const onDark = withContrastOn('#4f46e5', '#27272a');
    expect(contrastRatio(onDark, '#27272a')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(onDark, '#ffffff')).toBeLessThan(contrastRatio('#4f46e5', '#ffffff'));

    const onLight = withContrastOn('#facc15', '#f4f4f5');
    expect(contrastRatio(onLight, '#f4f4f5')).toBeGreaterThanOrEqual(4.5);
  });
});

describe('brandStyle', () => {
  it('derives text and link colours from the brand colour', () => {
    expect(brandStyle('#facc15')).toMatchObject({ '--brand-color': '#facc15', '--brand-contrast': '#000000' });
    expect(brandStyle('0F766E')).toMatchObject({ '--brand-color': '#0f766e', '--brand-contrast': '#ffffff' });
  });

  it('fills dark mode with the dark colour, with its own readable text', () => {
    expect(brandStyle('#4f46e5', '#facc15')).toMatchObject({ '--brand-color-dark': '#facc15', '--brand-contrast-dark': '#000000' });
    expect(brandStyle('#4f46e5')).toMatchObject({ '--brand-color-dark': '#4f46e5' });
  });

  it('falls back to the default for a malformed colour', () => {
    expect(brandStyle('not-a-colour')).toMatchObject({ '--brand-color': defaultBrandColor });
  });
});
