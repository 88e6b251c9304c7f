import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guideImagesDir } from './guide-images.ts';
import { guideLibrary } from './guide-library.ts';
import { guideIds } from './guide.ts';

const guides = Object.values(guideLibrary);

describe('guide library', () => {
  it('has one guide per service topic, keyed by its own id', () => {
    expect(Object.keys(guideLibrary).sort()).toEqual([...guideIds].sort());
    for (const [id, guide] of Object.entries(guideLibrary)) expect(guide.id).toBe(id);
  });

  it.each(guides.map((g) => [g.id, g] as const))('%s fits Zalo and a phone screen', (_id, guide) => {
    expect(guide.version).toBeGreaterThanOrEqual(1);
    expect(guide.lastChecked).toMatch(/^20\d\d-\d\d-\d\d$/);
    expect(guide.shortTitle.length).toBeLessThanOrEqual(30);
    expect(guide.intro.length).toBeLessThanOrEqual(600);
    expect(guide.steps.length).toBeGreaterThanOrEqual(1);
    for (const step of guide.steps) {
      if (step.image) {
        const file = path.join(guideImagesDir, step.image.file);
        expect(existsSync(file), file).toBe(true);
        expect(statSync(file).size).toBeLessThanOrEqual(1024 * 1024);
        expect(step.image.file).toMatch(/^[a-z0-9-]+\.(png|jpe?g)$/);
      }
      // "Bước n/N: " is added in front of every step.
      expect(step.text.length + 12).toBeLessThanOrEqual(2000);
      expect(step.text.trim()).not.toBe('');
    }
    expect(guide.done.length).toBeLessThanOrEqual(2000);
    expect(guide.sources.length).toBeGreaterThanOrEqual(1);
  });

  it.each(guides.map((g) => [g.id, g] as const))('%s keeps the safety rules', (_id, guide) => {
    const all = [guide.intro, guide.done, ...guide.steps.map((s) => s.text)].join('\n');
    // Never a link to an app file; never asks for codes or ID photos to be sent to anyone.
    expect(all).not.toMatch(/\.apk\b/i);
    expect(all).not.toMatch(/https?:\/\//);
    expect(all).not.toMatch(/gửi (cho tổ|cho chúng tôi|qua zalo) (mã|ảnh căn cước|mật khẩu)/i);
    // District police no longer exist (1 March 2025): never send anyone there.
    for (const line of all.split('\n')) if (/công an (huyện|quận)/i.test(line)) expect(line).toMatch(/không còn/i);
    // Markdown does not render in Zalo.
    expect(all).not.toMatch(/\*\*|^#/m);
  });

  it('sends level 2 to the commune police in person with a chip ID card, and says the merger needs nothing', () => {
    const level2 = [guideLibrary['vneid-level2'].intro, ...guideLibrary['vneid-level2'].steps.map((s) => s.text)].join(' ');
    expect(level2).toMatch(/trực tiếp/);
    expect(level2).toMatch(/Công an xã/);
    expect(level2).toMatch(/gắn chip/);
    const scam = guideLibrary['scam-safety'].steps.map((s) => s.text).join(' ');
    expect(scam).toMatch(/tự cập nhật/);
    expect(scam).toMatch(/App Store/);
    expect(scam).toMatch(/CH Play/);
  });
});
