// The smoke suite (smoke.mjs) in WebKit (adapter: webkit.mjs).
import { smokeSuite } from './smoke.mjs';
import { createEngine } from './webkit.mjs';

smokeSuite(createEngine);
