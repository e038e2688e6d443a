// The controller's web dashboard: the TUI's panes, live over Server-Sent Events (/api/stream).
// No framework and no build step. Every value from the engine goes into the page as text
// (textContent), never as HTML. Money and prices are shown exactly as the JSON gives them
// (decimal strings): nothing here does arithmetic on them.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const MAX_LOG = 200;
  let stream = null;
  let liveLog = [];
  let lastSnapshot = null;

  // ---- HTTP -------------------------------------------------------------------------------

  async function api(method, path, body) {
    const init = { method: method, credentials: 'same-origin', headers: {} };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    let json = null;
    try {
      json = await response.json();
    } catch (e) {
      json = null;
    }
    return { status: response.status, ok: response.ok, json: json };
  }

  // ---- Login ------------------------------------------------------------------------------

  function showLogin(message) {
    closeStream();
    $('dashboard').hidden = true;
    $('login').hidden = false;
    $('login-error').textContent = message || '';
    $('token').focus();
  }

  async function login(event) {
    event.preventDefault();
    const token = $('token').value.trim();
    $('login-button').disabled = true;
    try {
      const r = await api('POST', '/api/session', { token: token });
      if (r.ok) {
        $('token').value = '';
        showDashboard();
      } else {
        $('login-error').textContent = (r.json && r.json.error) || ('login failed (' + r.status + ')');
      }
    } catch (e) {
      $('login-error').textContent = 'cannot reach the controller: ' + e.message;
    } finally {
      $('login-button').disabled = false;
    }
  }

  async function logout() {
    await api('DELETE', '/api/session').catch(() => null);
    showLogin('logged out');
  }

  // ---- Live stream ------------------------------------------------------------------------

  function showDashboard() {
    $('login').hidden = true;
    $('dashboard').hidden = false;
    openStream();
  }

  function openStream() {
    closeStream();
    setConnection(false, 'connecting');
    stream = new EventSource('/api/stream');
    stream.onopen = () => setConnection(true, 'live');
    stream.addEventListener('snapshot', (e) => {
      setConnection(true, 'live');
      render(JSON.parse(e.data));
    });
    stream.addEventListener('event', (e) => {
      const entry = JSON.parse(e.data);
      liveLog.unshift({ time: entry.time, text: entry.text, severity: '' });
      if (liveLog.length > MAX_LOG) {
        liveLog.length = MAX_LOG;
      }
      renderLog();
    });
    stream.onerror = async () => {
      setConnection(false, 'stream down, reconnecting');
      // A stream refused for a lost session (401) does not come back by itself: ask to log in again.
      const r = await api('GET', '/api/session').catch(() => null);
      if (r && r.status === 401) {
        showLogin('session expired: log in again');
      } else if (stream && stream.readyState === EventSource.CLOSED) {
        setTimeout(() => { if (!$('dashboard').hidden) { openStream(); } }, 2000);
      }
    };
  }

  function closeStream() {
    if (stream) {
      stream.close();
      stream = null;
    }
  }

  function setConnection(up, text) {
    const conn = $('conn');
    conn.className = 'conn ' + (up ? 'up' : 'down');
    conn.textContent = text;
    conn.dataset.state = up ? 'up' : 'down';
  }

  // ---- Rendering --------------------------------------------------------------------------

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    if (cls) {
      node.className = cls;
    }
    return node;
  }

  function row(cells) {
    const tr = document.createElement('tr');
    for (const cell of cells) {
      tr.appendChild(cell instanceof Node ? cell : el('td', cell));
    }
    return tr;
  }

  function fill(tbodyId, rows, columns, empty) {
    const body = $(tbodyId);
    body.replaceChildren();
    if (rows.length === 0) {
      const td = el('td', empty, 'muted');
      td.colSpan = columns;
      body.appendChild(row([td]));
      return;
    }
    for (const r of rows) {
      body.appendChild(r);
    }
  }

  function time(iso) {
    return iso ? iso.substring(11, 19) : '-';
  }

  function dash(value) {
    return value === null || value === undefined || value === '' ? '-' : value;
  }

  function quote(q) {
    return dash(q && q.bid) + ' / ' + dash(q && q.ask);
  }

  // ISO-8601 duration (PT1.5S) to "1.5 s": time, not money.
  function age(duration) {
    if (!duration) {
      return '-';
    }
    const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(duration);
    if (!m) {
      return duration;
    }
    const seconds = (+(m[1] || 0)) * 3600 + (+(m[2] || 0)) * 60 + (+(m[3] || 0));
    return seconds < 10 ? seconds.toFixed(1) + ' s' : Math.round(seconds) + ' s';
  }

  function badge(id, text, cls) {
    const node = $(id);
    node.textContent = text;
    node.className = 'badge' + (cls ? ' ' + cls : '');
  }

  const TRADING_CLASS = { TRADING: 'ok', DRY_RUN: 'ok', PAUSED: 'warn', BLOCKED: 'warn', STARTING: 'warn',
    KILLED: 'bad', STOPPED: 'bad' };

  function render(s) {
    lastSnapshot = s;
    badge('mode', s.mode.replace('_', '-').toLowerCase() + ' · ' + s.approval.toLowerCase(),
      s.mode === 'LIVE' ? 'warn' : '');
    badge('trading', s.trading, TRADING_CLASS[s.trading] || '');
    $('trading-detail').textContent = s.tradingDetail || '';
    if (s.kill && s.kill.engaged) {
      badge('kill-state', 'KILLED: ' + s.kill.reason, 'bad');
    } else {
      badge('kill-state', 'kill switch off', 'ok');
    }
    $('kill').disabled = !!(s.kill && s.kill.engaged);
    $('pause').disabled = s.trading === 'PAUSED' || s.trading === 'KILLED';
    $('resume').disabled = s.trading !== 'PAUSED';
    $('updated').textContent = 'as of ' + time(s.time);

    fill('feeds', s.feeds.map((f) => {
      const healthy = f.connected && f.untrusted === 0;
      return row([el('td', f.venue), el('td', healthy ? 'OK' : (f.connected ? 'UNTRUSTED' : 'DOWN'),
        healthy ? 'ok feed-state' : 'bad feed-state'), el('td', f.trusted, 'num'), el('td', f.untrusted, 'num'),
        el('td', time(f.lastMessage)), el('td', age(f.age))]);
    }), 6, 'no feed yet');
    $('summary').textContent = 'opportunities ' + s.opportunities + ' · executions ' + s.executions
      + ' · order errors in a row ' + s.consecutiveOrderErrors + ' · unconfirmed fills ' + s.unconfirmedFills
      + ' (' + s.unconfirmedNotional + ')' + (s.lastReconciliation
        ? ' · last reconciliation ' + (s.lastReconciliation.passed ? 'passed' : 'FAILED') + ' at '
          + time(s.lastReconciliation.time) : '');

    fill('pairs', s.pairs.map((p) => {
      const q = p.quotes;
      const edgeCls = q.edgePerContract === null ? 'num muted'
        : (q.edgePerContract.charAt(0) === '-' ? 'num bad' : 'num ok');
      const books = [p.kalshiBook, p.polymarketYesBook, p.polymarketNoBook]
        .map((b) => (!b || b === 'NOT_FOLLOWED') ? '-' : (b === 'TRUSTED' ? 'T' : 'U')).join('');
      const tr = row([el('td', p.pairId), el('td', p.state, p.state === 'ready' ? 'ok' : ''),
        el('td', books, books.indexOf('U') >= 0 ? 'bad' : ''), el('td', quote(q.kalshiYes)),
        el('td', quote(q.kalshiNo)), el('td', quote(q.polymarketYes)), el('td', quote(q.polymarketNo)),
        el('td', dash(q.direction)), el('td', dash(q.edgePerContract), edgeCls),
        el('td', q.tradableSize, 'num')]);
      tr.dataset.pair = p.pairId;
      tr.title = p.lastEvaluation || '';
      return tr;
    }), 10, 'no pairs');

    fill('executions', s.recentExecutions.map((e) => row([el('td', time(e.started)), el('td', e.pairId),
      el('td', e.outcome, /HEDGED|COMPLETE|FILLED/.test(e.outcome) ? 'ok'
        : (e.outcome === 'IN_FLIGHT' ? 'warn' : 'bad')),
      el('td', dash(e.expectedProfit), 'num'), el('td', dash(e.realizedPnl), 'num'), el('td', e.detail, 'wrap')])),
    6, 'no executions yet');

    const totals = $('totals');
    totals.replaceChildren();
    const l = s.ledger;
    const pairs = [['realised today', s.realizedPnlToday]];
    if (l) {
      pairs.push(['realised', l.totals.realizedPnl], ['locked profit', l.totals.lockedProfit],
        ['hedged', l.totals.hedged], ['fees paid', l.totals.feesPaid], ['cost basis', l.totals.costBasis],
        ['fills', l.fills]);
    } else {
      pairs.push(['ledger', 'none in dry-run']);
    }
    for (const [k, v] of pairs) {
      totals.appendChild(el('dt', k));
      totals.appendChild(el('dd', v));
    }
    fill('positions', (l ? l.pairs : []).map((p) => row([el('td', p.pairId), el('td', p.hedged, 'num'),
      el('td', p.lockedProfit, 'num'), el('td', p.realizedPnl, 'num'), el('td', p.costBasis, 'num')])),
    5, 'no positions');
    fill('balances', s.balances.map((b) => row([el('td', b.venue), el('td', b.available, 'num'),
      el('td', b.reported, 'num'), el('td', time(b.readAt))])), 4, 'not read yet');

    const alerts = $('alerts');
    alerts.replaceChildren();
    for (const a of s.alerts) {
      alerts.appendChild(el('li', time(a.time) + ' ' + a.severity + ' ' + (a.pairId ? a.pairId + ' ' : '') + a.text,
        a.severity === 'CRITICAL' ? 'bad' : (a.severity === 'WARNING' ? 'warn' : '')));
    }
    if (s.alerts.length === 0) {
      alerts.appendChild(el('li', 'no alerts', 'muted'));
    }
    if (liveLog.length === 0) {
      liveLog = s.log.map((x) => ({ time: x.time, text: x.text, severity: x.severity }));
    }
    renderLog();
  }

  function renderLog() {
    const log = $('log');
    log.replaceChildren();
    for (const line of liveLog) {
      log.appendChild(el('li', time(line.time) + ' ' + line.text,
        line.severity === 'CRITICAL' ? 'bad' : (line.severity === 'WARNING' ? 'warn' : '')));
    }
  }

  // ---- Commands ---------------------------------------------------------------------------

  const COMMANDS = {
    pause: { title: 'Pause trading?', text: 'Opportunities are still logged; nothing is sent until you resume.',
      reason: 'Reason (optional)', needsReason: false },
    resume: { title: 'Resume trading?', text: 'Orders may be sent again as soon as opportunities appear.',
      reason: null, needsReason: false },
    kill: { title: 'Engage the kill switch?', text: 'Trading stops and open orders are cancelled until the '
      + 'controller restarts. This cannot be undone from here.', reason: 'Reason (required)', needsReason: true }
  };
  let pending = null;

  function ask(name) {
    const c = COMMANDS[name];
    pending = name;
    $('confirm-title').textContent = c.title;
    $('confirm-text').textContent = c.text;
    $('confirm-error').textContent = '';
    $('confirm-reason').value = '';
    $('confirm-reason').hidden = c.reason === null;
    $('confirm-reason-label').hidden = c.reason === null;
    $('confirm-reason-label').textContent = c.reason || '';
    $('confirm-ok').textContent = name === 'kill' ? 'Kill' : (name === 'pause' ? 'Pause' : 'Resume');
    $('confirm').showModal();
    if (c.reason !== null) {
      $('confirm-reason').focus();
    }
  }

  async function confirmCommand(event) {
    event.preventDefault();
    const name = pending;
    const c = COMMANDS[name];
    const reason = $('confirm-reason').value.trim();
    if (c.needsReason && reason === '') {
      $('confirm-error').textContent = 'a reason is required';
      return;
    }
    const body = reason === '' ? {} : { reason: reason };
    $('confirm-ok').disabled = true;
    try {
      const r = await api('POST', '/api/commands/' + name, body);
      if (r.ok) {
        $('confirm').close();
        const s = await api('GET', '/api/snapshot');
        if (s.ok) {
          render(s.json);
        }
      } else if (r.status === 401) {
        $('confirm').close();
        showLogin('session expired: log in again');
      } else {
        $('confirm-error').textContent = (r.json && r.json.error) || ('failed (' + r.status + ')');
      }
    } catch (e) {
      $('confirm-error').textContent = 'cannot reach the controller: ' + e.message;
    } finally {
      $('confirm-ok').disabled = false;
    }
  }

  // ---- Start ------------------------------------------------------------------------------

  document.addEventListener('DOMContentLoaded', async () => {
    $('login-form').addEventListener('submit', login);
    $('logout').addEventListener('click', logout);
    $('pause').addEventListener('click', () => ask('pause'));
    $('resume').addEventListener('click', () => ask('resume'));
    $('kill').addEventListener('click', () => ask('kill'));
    $('confirm-form').addEventListener('submit', confirmCommand);
    $('confirm-cancel').addEventListener('click', () => $('confirm').close());
    const r = await api('GET', '/api/session').catch(() => null);
    if (r && r.ok) {
      showDashboard();
    } else {
      showLogin('');
    }
  });
}());
