import assert from 'node:assert/strict';
import { channelViews, siteProblem, tabSettings } from '../tabConfiguration.js';

describe('tab configuration', () => {
  it('accepts root and SharePoint site addresses, and says why anything else is refused', () => {
    assert.equal(siteProblem('root', false), undefined);
    assert.equal(siteProblem('', false), undefined);
    assert.equal(siteProblem('https://contoso.sharepoint.com/sites/tandem', false), undefined);
    assert.match(siteProblem('http://contoso.sharepoint.com/sites/tandem', false)!, /https/);
    assert.match(siteProblem('https://example.com/sites/tandem', false)!, /SharePoint/);
    assert.match(siteProblem('tandem site', false)!, /root/);
    assert.equal(siteProblem('http://localhost:3978/sites/x', true), undefined, 'local mode takes local addresses');
  });

  it('saves the content URL for the view, a website URL, an entity id and a name', () => {
    assert.deepEqual(tabSettings('https://tandem.example', { site: ' root ', view: 'kpis', inMeeting: false }), {
      contentUrl: 'https://tandem.example/tab?host=teams&site=root&view=kpis',
      websiteUrl: 'https://tandem.example/tab?site=root&view=kpis',
      entityId: 'tandem-tab-kpis',
      suggestedDisplayName: 'Tandem KPIs',
    });
  });

  it('opens the meeting panel when added to a meeting, and encodes the site', () => {
    const site = 'https://contoso.sharepoint.com/sites/a&b';
    const settings = tabSettings('https://tandem.example', { site, view: 'roadmap', inMeeting: true });
    assert.equal(new URL(settings.contentUrl).pathname, '/meeting');
    assert.equal(new URL(settings.contentUrl).searchParams.get('site'), site);
  });

  it('offers only shared views on a channel tab (no personal objective page)', () => {
    assert.ok(channelViews.length > 0);
    assert.ok(channelViews.every((v) => v.id !== 'objective'));
  });
});
