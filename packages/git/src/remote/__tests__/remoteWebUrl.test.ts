import * as assert from 'node:assert/strict';
import { RemoteUrlError, commitWebUrl, remoteToWebUrl } from '../remoteWebUrl.js';

describe('remoteToWebUrl', () => {
  const cases: [string, string][] = [
    ['git@github.com:contoso-retail/webshop.git', 'https://github.com/contoso-retail/webshop'],
    ['https://github.com/contoso-retail/webshop.git', 'https://github.com/contoso-retail/webshop'],
    ['https://token:secret@github.com/contoso-retail/webshop', 'https://github.com/contoso-retail/webshop'],
    ['ssh://git@gitlab.example.com:2222/group/sub/repo.git', 'https://gitlab.example.com/group/sub/repo'],
    ['git@ssh.dev.azure.com:v3/contoso/Retail/webshop', 'https://dev.azure.com/contoso/Retail/_git/webshop'],
    ['https://contoso@dev.azure.com/contoso/Retail/_git/webshop', 'https://dev.azure.com/contoso/Retail/_git/webshop'],
    ['git@github.com:contoso/shop.git', 'https://github.com/contoso/shop'],
    ['https://ada:secret@dev.azure.com/contoso/shop/_git/web', 'https://dev.azure.com/contoso/shop/_git/web'],
    ['git@ssh.dev.azure.com:v3/contoso/shop/web', 'https://dev.azure.com/contoso/shop/_git/web'],
  ];
  for (const [remote, web] of cases) {
    it(`${remote} → ${web}`, () => assert.equal(remoteToWebUrl(remote), web));
  }

  it('refuses local paths and nonsense with a typed error', () => {
    for (const remote of ['/srv/git/repo.git', '/srv/git/shop.git', 'file:///srv/repo', '', '../other']) {
      assert.throws(
        () => remoteToWebUrl(remote),
        (e: unknown) => e instanceof RemoteUrlError && e.code === 'UNSUPPORTED_REMOTE',
      );
    }
  });

  it('builds commit pages, Bitbucket’s with “commits”', () => {
    assert.equal(commitWebUrl('https://github.com/o/r', 'abc'), 'https://github.com/o/r/commit/abc');
    assert.equal(commitWebUrl('https://bitbucket.org/o/r', 'abc'), 'https://bitbucket.org/o/r/commits/abc');
  });
});
