#!/usr/bin/env node
// Lexicon baselines for `./plumly bench tone`.
//
//   node classify.mjs --system afinn|vader --in FILE --out FILE [--warmup N]
//
// Input:  UTF-8 TSV, header `id<TAB>text`, one message per line.
// Output: UTF-8 TSV, header `id<TAB>label<TAB>score`, same ids in the same order.
// Stdout: exactly one line,
//   system=<name> messages=<n> seconds=<classification-only wall seconds> version=<what ran>
// The time covers classifying all messages once, after a warm-up pass over the first
// N messages (default 50) whose results are thrown away; reading and writing files is
// not timed.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function usage(message) {
  if (message) process.stderr.write(`classify.mjs: ${message}\n`);
  process.stderr.write(
    'usage: node classify.mjs --system afinn|vader --in FILE --out FILE [--warmup N]\n');
  process.exit(2);
}

function parseArgs(argv) {
  const args = { warmup: 50 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    switch (flag) {
      case '--system': args.system = value; i++; break;
      case '--in': args.in = value; i++; break;
      case '--out': args.out = value; i++; break;
      case '--warmup': args.warmup = Number.parseInt(value, 10); i++; break;
      case '-h': case '--help': usage();
      // falls through (usage exits)
      default: usage(`unknown argument ${flag}`);
    }
    if (value === undefined) usage(`${flag} needs a value`);
  }
  if (!args.system || !args.in || !args.out) usage('--system, --in and --out are required');
  if (!Number.isInteger(args.warmup) || args.warmup < 0) usage('--warmup must be a whole number >= 0');
  return args;
}

function packageVersion(name) {
  return require(`${name}/package.json`).version;
}

// Each system: a function text -> { label, score } and a version string (no spaces).
const SYSTEMS = {
  afinn() {
    const Sentiment = require('sentiment');
    const analyzer = new Sentiment();
    return {
      version: `sentiment-${packageVersion('sentiment')}+AFINN-165;node-${process.version}`,
      classify(text) {
        // `score` is the sum of the AFINN-165 (and emoji) valences of the tokens,
        // with the package's own negation rule ("not good" flips "good").
        const score = analyzer.analyze(text).score;
        const label = score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral';
        return { label, score };
      },
    };
  },
  vader() {
    const vader = require('vader-sentiment');
    const analyzer = vader.SentimentIntensityAnalyzer;
    return {
      version: `vader-sentiment-${packageVersion('vader-sentiment')};node-${process.version}`,
      classify(text) {
        // `compound`: normalised, rule-adjusted valence sum in [-1, 1] over the whole
        // message; VADER's documented thresholds are +/-0.05.
        const score = analyzer.polarity_scores(text).compound;
        const label = score >= 0.05 ? 'positive' : score <= -0.05 ? 'negative' : 'neutral';
        return { label, score };
      },
    };
  },
};

function readMessages(path) {
  let content = readFileSync(path, 'utf8');
  if (content.charCodeAt(0) === 0xfeff) content = content.slice(1);
  const lines = content.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const header = (lines.shift() ?? '').replace(/\r$/, '');
  if (header !== 'id\ttext') {
    throw new Error(`${path}: the header must be "id<TAB>text", found ${JSON.stringify(header)}`);
  }
  const ids = [];
  const texts = [];
  lines.forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    const tab = line.indexOf('\t');
    if (tab < 0) throw new Error(`${path}:${index + 2}: no tab between id and text`);
    const id = line.slice(0, tab);
    if (id === '') throw new Error(`${path}:${index + 2}: empty id`);
    ids.push(id);
    texts.push(line.slice(tab + 1));
  });
  return { ids, texts };
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const factory = SYSTEMS[args.system];
  if (!factory) usage(`unknown system "${args.system}" (afinn or vader)`);
  const system = factory();
  const { ids, texts } = readMessages(args.in);
  const n = texts.length;

  // Warm-up: lets V8 compile the hot paths before the timed pass.
  const warm = Math.min(args.warmup, n);
  for (let i = 0; i < warm; i++) system.classify(texts[i]);

  const labels = new Array(n);
  const scores = new Array(n);
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const result = system.classify(texts[i]);
    labels[i] = result.label;
    scores[i] = result.score;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  // CPU time of the timed pass, to stderr: on a shared machine it says more than the wall time.
  process.stderr.write(`classify.mjs: timed pass: wall ${seconds.toFixed(3)} s, ` +
    `process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(3)} s\n`);

  const out = ['id\tlabel\tscore'];
  for (let i = 0; i < n; i++) out.push(`${ids[i]}\t${labels[i]}\t${scores[i]}`);
  writeFileSync(args.out, out.join('\n') + '\n', 'utf8');

  process.stdout.write(
    `system=${args.system} messages=${n} seconds=${seconds.toFixed(3)} version=${system.version}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`classify.mjs: ${error.message}\n`);
  process.exit(1);
}
