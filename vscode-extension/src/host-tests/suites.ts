// Every in-host suite, in the order they run (the bundle needs them named statically).
import './activation.host.js';
