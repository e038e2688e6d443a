// Builds and signs the Java side's Polymarket V2 orders with the official @polymarket/clob-client-v2
// (pinned in package.json, the same version as test-tools/polymarket) and times it.
//
// Usage: node sign-bench.mjs <orders.json> <out.json>   (run by SigningComparison; npm ci first)
//
// Offline: the client's exported OrderBuilder computes the amounts and signs the EIP-712 order with
// an ethers Wallet that has no provider; the tick size and neg-risk flag are passed in, so nothing
// is looked up. ClobClient.createOrder is not used: it asks the CLOB for the market's tick size
// first. Any attempt at network traffic throws.
import { readFileSync, writeFileSync } from 'node:fs';
import { Wallet } from '@ethersproject/wallet';
import { OrderBuilder, SignatureTypeV2, Side } from '@polymarket/clob-client-v2';

globalThis.fetch = () => { throw new Error('sign-bench: no network access'); };

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node sign-bench.mjs <orders.json> <out.json>');
  process.exit(2);
}
const spec = JSON.parse(readFileSync(input, 'utf8'));
// The package's exports do not include its package.json: read the installed file.
const clientVersion = JSON.parse(readFileSync(new URL('./node_modules/@polymarket/clob-client-v2/package.json',
  import.meta.url), 'utf8')).version;

// The client takes the order timestamp from Date.now() and makes the salt as
// Math.round(Math.random() * Date.now()): feed both from the order being built, so both sides
// sign the same order. (The Java side keeps every salt below its timestamp, and
// Math.round((salt / ts) * ts) === salt for such integers.)
let nowMs = 0;
let salt = 0;
Date.now = () => nowMs;
Math.random = () => salt / nowMs;

const wallet = new Wallet(spec.privateKey);
if (wallet.address.toLowerCase() !== spec.address.toLowerCase()) {
  throw new Error(`key gives ${wallet.address}, the Java side signed as ${spec.address}`);
}
const builder = new OrderBuilder(wallet, spec.chainId, SignatureTypeV2.EOA);
const orders = spec.orders.map((o) => ({
  user: { tokenID: spec.tokenId, price: Number(o.price), size: Number(o.size), side: o.side === 'BUY' ? Side.BUY : Side.SELL,
    expiration: Number(o.expiration) },
  options: { tickSize: spec.tickSize, negRisk: o.negRisk },
  timestamp: Number(o.timestamp),
  salt: Number(o.salt),
}));

async function signAll() {
  const out = new Array(orders.length);
  for (let i = 0; i < orders.length; i++) {
    const o = orders[i];
    nowMs = o.timestamp;
    salt = o.salt;
    out[i] = await builder.buildOrder(o.user, o.options, 2);
  }
  return out;
}

for (let r = 0; r < spec.warmupRounds; r++) {
  await signAll();
}
const rounds = [];
let signed;
for (let r = 0; r < spec.rounds; r++) {
  const start = process.hrtime.bigint();
  signed = await signAll();
  const micros = Number(process.hrtime.bigint() - start) / 1000 / orders.length;
  rounds.push(Math.round(micros * 100) / 100);
}
const sorted = [...rounds].sort((a, b) => a - b);
const n = sorted.length;
const median = n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;

writeFileSync(output, JSON.stringify({
  client: `@polymarket/clob-client-v2 ${clientVersion}`,
  node: process.version,
  medianMicrosPerOrder: median,
  roundsMicrosPerOrder: rounds,
  orders: signed.map((o) => ({ salt: String(o.salt), makerAmount: o.makerAmount, takerAmount: o.takerAmount,
    timestamp: o.timestamp, expiration: o.expiration, signature: o.signature })),
}) + '\n');
console.log(`  official client: ${orders.length} orders signed, median ${median.toFixed(1)} µs/order`);
