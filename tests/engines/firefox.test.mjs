// The smoke suite (smoke.mjs) in Firefox (adapter: firefox.mjs).
import { smokeSuite } from './smoke.mjs';
import { createEngine } from './firefox.mjs';

smokeSuite(createEngine);
