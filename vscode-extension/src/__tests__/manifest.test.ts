import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface Setting {
  type?: string;
  default?: unknown;
  description?: string;
  markdownDescription?: string;
}

const manifest = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, Setting> } };
};
const settings = manifest.contributes.configuration.properties;

describe('the extension manifest', () => {
  it('gives every setting a default and a short description (store guideline on settings)', () => {
    for (const [name, setting] of Object.entries(settings)) {
      assert.ok('default' in setting, `${name} has a default`);
      const text = setting.markdownDescription ?? setting.description ?? '';
      assert.ok(text.length > 0 && text.length <= 300, `${name} has a concise description`);
    }
  });

  it('offers to turn glossary hovers off, on by default', () => {
    assert.deepEqual(
      [settings['tandem.glossaryHovers']?.type, settings['tandem.glossaryHovers']?.default],
      ['boolean', true],
    );
    assert.match(settings['tandem.glossaryHovers']?.markdownDescription ?? '', /glossary/);
  });
});
