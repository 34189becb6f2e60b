import assert from 'node:assert/strict';
import { parseRuntimeConfig, RuntimeConfigError } from '../runtimeConfig.js';
import { landingTarget, objectiveDeepLink } from '../deepLinks.js';
import { toAppTheme } from '../teamsHost.js';
import { graphOrigin } from '../signIn.js';

describe('runtime configuration', () => {
  it('defaults to Microsoft 365 and resolves a relative Graph root against the page', () => {
    assert.equal(parseRuntimeConfig('{}', 'http://localhost:3978').mode, 'm365');
    const local = parseRuntimeConfig('{"mode":"local","graphBaseUrl":"/graph/v1.0"}', 'http://localhost:3978');
    assert.equal(local.graphBaseUrl, 'http://localhost:3978/graph/v1.0');
    assert.equal(graphOrigin(local.graphBaseUrl), 'http://localhost:3978/graph');
  });

  it('names the field that is wrong', () => {
    assert.throws(
      () => parseRuntimeConfig('{"clientId":42}', 'http://x'),
      (e: unknown) => {
        return e instanceof RuntimeConfigError && e.field === 'clientId';
      },
    );
    assert.throws(() => parseRuntimeConfig('{"mode":"prod"}', 'http://x'), /mode/);
    assert.throws(() => parseRuntimeConfig('not json', 'http://x'), /not JSON/);
  });
});

describe('deep links', () => {
  it('point into the personal tab with the objective as subEntityId, and are read back', () => {
    const link = objectiveDeepLink('app-id', 'OBJ-12');
    assert.equal(
      link,
      'https://teams.microsoft.com/l/entity/app-id/tandem-roadmap?context=' +
        encodeURIComponent('{"subEntityId":"objective:OBJ-12"}'),
    );
    const context = { page: { subPageId: 'objective:OBJ-12' } } as never;
    assert.deepEqual(landingTarget('http://localhost/tab', context), { view: 'objective', objectiveKey: 'OBJ-12' });
  });

  it('take the target from the query in a browser, and ignore a key that is not one', () => {
    assert.deepEqual(landingTarget('http://localhost/tab?objective=OBJ-3'), {
      view: 'objective',
      objectiveKey: 'OBJ-3',
    });
    assert.deepEqual(landingTarget('http://localhost/tab?objective=%3Cscript%3E&view=kpis'), { view: 'kpis' });
    assert.deepEqual(landingTarget('http://localhost/tab'), {});
  });
});

describe('themes', () => {
  it('maps Teams theme names, unknown ones to light', () => {
    assert.equal(toAppTheme('dark'), 'dark');
    assert.equal(toAppTheme('contrast'), 'contrast');
    assert.equal(toAppTheme('default'), 'default');
    assert.equal(toAppTheme('sepia'), 'default');
  });
});
