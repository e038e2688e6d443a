// Golden vectors for the Java Kalshi signer: runs the official kalshi-typescript client against a
// capture server on 127.0.0.1 (never the network) with the committed test-only key, and writes
// every request it signed (method, path with query, body, the three KALSHI-ACCESS-* headers).
// Usage: npm install && npm run vectors
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import kalshi from 'kalshi-typescript';

const { Configuration, PortfolioApi, OrdersApi, MarketApi, ExchangeApi } = kalshi;
const here = path.dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] ?? path.join(here, '../../kalshi-client/src/test/resources/kalshi/signing_vectors.json');
const keyFile = path.join(here, '../../kalshi-client/src/test/resources/keys/test-only-kalshi-pkcs1.pem');
const KEY_ID = 'a952bcbe-ec3b-4b5b-b8f9-11dae589608c';

const captured = [];
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    captured.push({
      method: req.method,
      url: req.url,
      body: body.length ? body : null,
      key: req.headers['kalshi-access-key'],
      timestamp: req.headers['kalshi-access-timestamp'],
      signature: req.headers['kalshi-access-signature'],
    });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{}');
  });
});

await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const basePath = `http://127.0.0.1:${server.address().port}/trade-api/v2`;
const config = new Configuration({ apiKey: KEY_ID, privateKeyPem: fs.readFileSync(keyFile, 'utf8'), basePath });
const portfolio = new PortfolioApi(config);
const orders = new OrdersApi(config);
const market = new MarketApi(config);
const exchange = new ExchangeApi(config);

const calls = [
  () => portfolio.getBalance(),
  () => portfolio.getPositions(undefined, 5, undefined, 'KXFED-26DEC-T4.25'),
  () => portfolio.getFills('KXFED-26DEC-T4.25', undefined, 1700000000, undefined, 100, 'abc'),
  () => orders.getOrders('KXFED-26DEC-T4.25', undefined, undefined, undefined, 'resting', 5),
  () => market.getMarkets(100, undefined, undefined, 'KXFED', undefined, undefined, undefined, undefined, undefined, undefined, undefined, 'open'),
  () => exchange.getExchangeStatus(),
  () => orders.createOrderV2({ ticker: 'KXFED-26DEC-T4.25', side: 'ask', count: '10', price: '0.5500',
      time_in_force: 'good_till_canceled', self_trade_prevention_type: 'taker_at_cross', client_order_id: 'c-1' }),
  () => orders.cancelOrderV2('ord-123', undefined, 1, 'KXFED-26DEC-T4.25'),
  () => orders.batchCancelOrdersV2({ orders: [{ order_id: 'ord-1' }, { order_id: 'ord-2' }] }),
  () => orders.decreaseOrderV2('ord-123', { reduce_by: '2' }),
];
for (const call of calls) {
  try {
    await call();
  } catch (e) {
    console.error('call failed (recorded anyway if it reached the server):', e.message);
  }
}
server.close();
fs.writeFileSync(out, JSON.stringify({ client: 'kalshi-typescript@3.30.0', keyId: KEY_ID, requests: captured }, null, 2) + '\n');
console.log(`wrote ${captured.length} vectors to ${out}`);
