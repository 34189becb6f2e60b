// Every in-host suite, in the order they run (the bundle needs them named statically).
import './activation.host.js';
import './goals.host.js';
import './hover.host.js';
import './glossary.host.js';
import './linkCommit.host.js';
import './publish.host.js';
import './blame.host.js';
import './branch.host.js';
import './roadmap.host.js';
import './outbox.host.js';
