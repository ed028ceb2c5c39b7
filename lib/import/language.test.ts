import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it('recognises French, English and Vietnamese wire copy', () => {
    expect(detectLanguage('Le ministre des Affaires étrangères a organisé jeudi soir à Hanoï une conférence virtuelle pour accélérer la diplomatie économique.')).toBe('fr');
    expect(detectLanguage('The pioneering role of the diplomatic sector will be carried forward in building and maintaining an environment of peace and stability.')).toBe('en');
    expect(detectLanguage('Bộ trưởng Ngoại giao Bùi Thanh Sơn đã có cuộc hội đàm với người đồng cấp Hàn Quốc tại Hà Nội về hợp tác kinh tế.')).toBe('vi');
  });

  it('answers "und" for text too short to tell or in another language', () => {
    expect(detectLanguage('Photo: VNA')).toBe('und');
    expect(detectLanguage('Der Außenminister hat am Donnerstag in Berlin eine Konferenz über wirtschaftliche Zusammenarbeit eröffnet.')).toBe('und');
  });
});
