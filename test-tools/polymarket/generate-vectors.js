// Golden vectors for the Java Polymarket client, produced by the official
// @polymarket/clob-client-v2 (pinned in package.json) against a capture server on 127.0.0.1.
// Nothing leaves the machine: the client's host is the loopback capture server.
//
// Usage: npm ci && npm run vectors   (writes JSON files into the directory given as argv[2])
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');
const { Wallet } = require('@ethersproject/wallet');
const clob = require('@polymarket/clob-client-v2');
const { hashTypedData } = require('viem');

const OUT = process.argv[2] || 'out';
// Fixed clock: the SDK reads Date.now() for the L1/L2 timestamps (seconds) and the order timestamp (ms).
const FIXED_NOW_MS = 1767225600123; // 2026-01-01T00:00:00.123Z
Date.now = () => FIXED_NOW_MS;
// Fixed salts: the SDK's salt is Math.round(Math.random() * Date.now()); we feed it values from a list.
let saltCounter = 0;
Math.random = () => {
  saltCounter++;
  return ((saltCounter * 7919) % 100000) / 100000;
};

// Well-known Hardhat test keys: test-only, never funded on Polygon.
const KEYS = [
  '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
  '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
];
const FUNDER = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC'; // Hardhat #2: not the signer's address
const CREDS = { key: '2f8c0e47-52c1-4d3a-9b6e-0e7c51a2f4d1', secret: 'c2VjcmV0LWZvci1nb2xkZW4tdmVjdG9ycy0xMjM0NTY3OA==', passphrase: 'f00dfeedcafebabe' };
const CREDS_URLSAFE = { key: '0b4a8c51-0d0e-4f59-8b2a-51c0b0c2d6e7', secret: '_-8AAQID-_79_wABAgP7_v3_AAECA_v-_f8AAQID-_4', passphrase: 'passphrase-2' };
const TOKEN = '71321045679252212594626385532706912750332728571942532289631379312455583992563';
const CONDITION = '0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1';

let version = 2;
let captured = [];
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url, 'http://127.0.0.1');
    captured.push({ method: req.method, url: req.url, path: url.pathname, headers: req.headers, body });
    const send = (obj) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(obj));
    };
    switch (url.pathname) {
      case '/version': return send({ version });
      case '/time': return send(Math.floor(FIXED_NOW_MS / 1000));
      case '/tick-size': return send({ minimum_tick_size: 0.0001 });
      case '/neg-risk': return send({ neg_risk: false });
      case '/markets-by-token/' + TOKEN: return send({ condition_id: CONDITION });
      case '/clob-markets/' + CONDITION:
        return send({ c: CONDITION, t: [{ t: TOKEN, o: 'Yes' }], mts: 0.0001, nr: false, fd: { r: 0, e: 0 }, mos: 5 });
      case '/auth/api-key':
      case '/auth/derive-api-key':
        return send({ apiKey: CREDS.key, secret: CREDS.secret, passphrase: CREDS.passphrase });
      case '/order': return send(req.method === 'POST' ? { success: true, errorMsg: '', orderID: '0x00', status: 'live' } : { canceled: [], not_canceled: {} });
      case '/orders': return send(req.method === 'POST' ? [] : { canceled: [], not_canceled: {} });
      case '/cancel-all': return send({ canceled: [], not_canceled: {} });
      case '/data/orders': return send({ limit: 100, count: 0, next_cursor: 'LTE=', data: [] });
      case '/v1/heartbeats': return send({ heartbeat_id: 'hb-1' });
      default: res.statusCode = 404; return send({ error: 'not found' });
    }
  });
});

function client(host, key, opts = {}) {
  return new clob.ClobClient({
    host, chain: 137, signer: new Wallet(key), creds: opts.creds,
    signatureType: opts.signatureType, funderAddress: opts.funder,
  });
}

function pick(h) {
  const out = {};
  for (const k of ['poly_address', 'poly_signature', 'poly_timestamp', 'poly_nonce', 'poly_api_key', 'poly_passphrase']) {
    if (h[k] !== undefined) out[k.toUpperCase()] = h[k];
  }
  return out;
}

const EXCHANGES = {
  v2: '0xE111180000d2663C0091e4f400237545B87B996B',
  v2neg: '0xe2222d279d744050d28e00520010520000310F59',
  v3: '0xe3333700cA9d93003F00f0F71f8515005F6c00Aa',
};
const ORDER_TYPES = {
  Order: [
    { name: 'salt', type: 'uint256' }, { name: 'maker', type: 'address' }, { name: 'signer', type: 'address' },
    { name: 'tokenId', type: 'uint256' }, { name: 'makerAmount', type: 'uint256' }, { name: 'takerAmount', type: 'uint256' },
    { name: 'side', type: 'uint8' }, { name: 'signatureType', type: 'uint8' }, { name: 'timestamp', type: 'uint256' },
    { name: 'metadata', type: 'bytes32' }, { name: 'builder', type: 'bytes32' },
  ],
};
function orderHash(order, contract, domainVersion) {
  return hashTypedData({
    domain: { name: 'Polymarket CTF Exchange', version: domainVersion, chainId: 137, verifyingContract: contract },
    types: ORDER_TYPES, primaryType: 'Order',
    message: { ...order, salt: BigInt(order.salt), tokenId: BigInt(order.tokenId), makerAmount: BigInt(order.makerAmount),
      takerAmount: BigInt(order.takerAmount), timestamp: BigInt(order.timestamp), side: order.side === 'BUY' ? 0 : 1 },
  });
}

async function main() {
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const host = `http://127.0.0.1:${server.address().port}`;
  fs.mkdirSync(OUT, { recursive: true });
  const write = (name, obj) => fs.writeFileSync(path.join(OUT, name), JSON.stringify(obj, null, 2) + '\n');

  // ---- L1 headers (create and derive; nonces 0 and 7; two keys)
  const l1 = [];
  for (const key of KEYS) {
    for (const nonce of [0, 7]) {
      const c = client(host, key);
      captured = [];
      await c.createApiKey(nonce);
      await c.deriveApiKey(nonce);
      for (const cap of captured) {
        l1.push({ privateKey: key, nonce, timestamp: Math.floor(FIXED_NOW_MS / 1000), method: cap.method, path: cap.path,
          body: cap.body, headers: pick(cap.headers) });
      }
    }
  }
  write('l1_headers.json', l1);

  // ---- L2 HMAC over real requests
  const l2 = [];
  for (const creds of [CREDS, CREDS_URLSAFE]) {
    const c = client(host, KEYS[0], { creds });
    const calls = [
      ['GET /data/orders', () => c.getOpenOrders({ market: CONDITION, asset_id: TOKEN })],
      ['DELETE /order', () => c.cancelOrder({ orderID: '0x38a73eed1e6d177545e9ab027abddfb7e08dbe975fa777123b1752d203d6ac88' })],
      ['DELETE /orders', () => c.cancelOrders(['0xaaaa', '0xbbbb'])],
      ['DELETE /cancel-all', () => c.cancelAll()],
      ['POST /v1/heartbeats', () => c.postHeartbeat('')],
      ['POST /order', async () => {
        const o = await c.createOrder({ tokenID: TOKEN, price: 0.52, size: 10, side: clob.Side.BUY }, { tickSize: '0.01', negRisk: false, version: 2 });
        return c.postOrder(o, clob.OrderType.GTC);
      }],
      ['POST /orders', async () => {
        const a = await c.createOrder({ tokenID: TOKEN, price: 0.4, size: 5, side: clob.Side.BUY }, { tickSize: '0.01', negRisk: false, version: 2 });
        const b = await c.createOrder({ tokenID: TOKEN, price: 0.61, size: 7.5, side: clob.Side.SELL }, { tickSize: '0.01', negRisk: false, version: 2 });
        return c.postOrders([{ order: a, orderType: clob.OrderType.GTC }, { order: b, orderType: clob.OrderType.GTD }], false, false);
      }],
    ];
    for (const [name, call] of calls) {
      captured = [];
      await call();
      const cap = captured.find((x) => x.method === name.split(' ')[0] && x.path === name.split(' ')[1]);
      l2.push({ name, secret: creds.secret, apiKey: creds.key, passphrase: creds.passphrase, privateKey: KEYS[0],
        method: cap.method, url: cap.url, path: cap.path, body: cap.body, headers: pick(cap.headers) });
    }
  }
  write('l2_headers.json', l2);

  // ---- Signed V2/V3 orders across sides, ticks, neg-risk, signature types, versions
  const orders = [];
  const ticks = ['0.1', '0.01', '0.005', '0.0025', '0.001', '0.0001'];
  const priceFor = { '0.1': 0.3, '0.01': 0.57, '0.005': 0.425, '0.0025': 0.6275, '0.001': 0.333, '0.0001': 0.1234 };
  for (const sigType of [0, 1, 2]) {
    const funder = sigType === 0 ? undefined : FUNDER;
    const c = client(host, KEYS[1], { signatureType: sigType, funder, creds: CREDS });
    for (const ver of [2, 3]) {
      for (const negRisk of [false, true]) {
        for (const tick of ticks) {
          for (const side of [clob.Side.BUY, clob.Side.SELL]) {
            const args = { tokenID: TOKEN, price: priceFor[tick], size: 12.34, side };
            const o = await c.createOrder(args, { tickSize: tick, negRisk, version: ver });
            const contract = ver === 3 ? EXCHANGES.v3 : negRisk ? EXCHANGES.v2neg : EXCHANGES.v2;
            const body = JSON.stringify(clob.orderToJsonV2(o, CREDS.key, clob.OrderType.GTC, false, false));
            orders.push({ privateKey: KEYS[1], signatureType: sigType, funder: funder || null, version: ver, negRisk, tickSize: tick,
              side, price: args.price, size: args.size, exchange: contract, salt: o.salt, timestamp: o.timestamp,
              order: o, hash: orderHash(o, contract, String(ver)), postBody: body });
          }
        }
      }
    }
  }
  write('orders.json', orders);

  // ---- Amount grid: limit and market orders, including off-tick prices and SDK errors
  const grid = [];
  const c = client(host, KEYS[0], { creds: CREDS });
  const prices = [0.0001, 0.0025, 0.005, 0.01, 0.015, 0.05, 0.1, 0.12345, 0.3, 0.33, 0.4999, 0.5, 0.55, 0.555, 0.5555, 0.6275, 0.9, 0.95, 0.99, 0.999, 0.9999];
  const sizes = [0.01, 1, 5, 10.129, 12.345, 100, 1234.5678, 99999.99];
  for (const tick of ticks) {
    for (const side of [clob.Side.BUY, clob.Side.SELL]) {
      for (const price of prices) {
        for (const size of sizes) {
          const row = { kind: 'limit', tickSize: tick, side, price, size };
          try {
            const o = await c.createOrder({ tokenID: TOKEN, price, size, side }, { tickSize: tick, negRisk: false, version: 2 });
            row.makerAmount = o.makerAmount; row.takerAmount = o.takerAmount;
          } catch (e) { row.error = String(e.message); }
          grid.push(row);
          const mrow = { kind: 'market', tickSize: tick, side, price, amount: size };
          try {
            const o = await c.createMarketOrder({ tokenID: TOKEN, price, amount: size, side, orderType: clob.OrderType.FOK }, { tickSize: tick, negRisk: false, version: 2 });
            mrow.makerAmount = o.makerAmount; mrow.takerAmount = o.takerAmount;
          } catch (e) { mrow.error = String(e.message); }
          grid.push(mrow);
        }
      }
    }
  }
  write('amount_grid.json', grid);
  server.close();
  console.log(`wrote ${l1.length} L1, ${l2.length} L2, ${orders.length} orders, ${grid.length} grid rows to ${OUT}`);
}

main().catch((e) => { console.error(e); process.exit(1); });
