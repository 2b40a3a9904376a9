// The smoke suite (smoke.mjs) in Chromium (adapter: chromium.mjs).
import { smokeSuite } from './smoke.mjs';
import { createEngine } from './chromium.mjs';

smokeSuite(createEngine);
