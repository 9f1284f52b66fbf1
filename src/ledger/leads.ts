/**
 * The operator CLI: `npm run leads -- list|show|retry|resolve|export|purge` (see `cli-args.ts` for
 * the usage). It opens the same ledger as the relay, from the same environment.
 */
import { runLeadsCli } from './cli.js';

process.exitCode = await runLeadsCli(process.argv.slice(2), process.env, {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
