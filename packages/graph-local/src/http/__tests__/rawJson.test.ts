import { strict as assert } from 'node:assert';
import { RawJson, toJsonText } from '../rawJson.js';

describe('raw JSON in an answer', () => {
  it('writes kept texts where they stand, and everything else as JSON.stringify does', () => {
    const body = { '@odata.context': 'ctx', value: [new RawJson('{"id":"1","x":[1,2]}'), new RawJson('{"id":"2"}')] };
    assert.equal(toJsonText(body), '{"@odata.context":"ctx","value":[{"id":"1","x":[1,2]},{"id":"2"}]}');
    const plain = { a: 'text with "quotes" and @@raw-markers@@ in it', b: [1, null, true] };
    assert.equal(toJsonText(plain), JSON.stringify(plain));
  });

  it('writes raw texts nested in a batch answer, and the same value outside one', () => {
    const inner = new RawJson('{"k":"v"}');
    const batch = {
      responses: [
        { id: '1', status: 200, body: { value: [inner] } },
        { id: '2', status: 204 },
      ],
    };
    assert.equal(
      toJsonText(batch),
      '{"responses":[{"id":"1","status":200,"body":{"value":[{"k":"v"}]}},{"id":"2","status":204}]}',
    );
    assert.equal(JSON.stringify({ value: [inner] }), '{"value":[{"k":"v"}]}');
  });

  it('leaves a value that looks like its marker alone', () => {
    const body = { value: [new RawJson('1')], text: '"@@raw-00000000-0000-0000-0000-000000000000@@0@@raw-x@@"' };
    assert.equal(JSON.parse(toJsonText(body)).text, body.text);
  });
});
