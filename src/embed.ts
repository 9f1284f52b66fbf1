/** The ES-module bundle's entry: everything `index.ts` exports, with the tag registered. */
import './define.js';

export * from './index.js';
