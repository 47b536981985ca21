'use strict';
// Drives @stoqey/ib 1.6.10 (an independent TWS API client) against ib-sim on 127.0.0.1:<port>:
// contract details, option quotes and model ticks, positions, a single-option LMT fill and a
// four-leg BAG fill. Prints a JSON summary on stdout; exits non-zero if anything failed or if
// stoqey reported a frame it could not decode completely.
const { IBApi, EventName } = require('@stoqey/ib');

const port = Number(process.argv[2]);
const ib = new IBApi({ host: '127.0.0.1', port });
const summary = { events: {}, decodeProblems: [], serverErrors: [], steps: [] };
const waiters = [];
const history = [];

function count(name) {
  summary.events[name] = (summary.events[name] || 0) + 1;
}
// Resolves with the first event, past or future, that matches: an answer may arrive before we ask.
function wait(what, predicate, ms = 15000) {
  const seen = history.find(predicate);
  if (seen) {
    return Promise.resolve(seen);
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out waiting for ' + what)), ms);
    waiters.push({ predicate, resolve: (v) => { clearTimeout(timer); resolve(v); } });
  });
}
function notify(event) {
  for (let i = waiters.length - 1; i >= 0; i--) {
    if (waiters[i].predicate(event)) {
      const w = waiters.splice(i, 1)[0];
      w.resolve(event);
    }
  }
}
function on(name, toEvent) {
  ib.on(name, (...args) => {
    count(name);
    const event = Object.assign({ name }, toEvent(...args));
    history.push(event);
    notify(event);
  });
}

on(EventName.nextValidId, (id) => ({ id }));
on(EventName.contractDetails, (reqId, d) => ({ reqId, conId: d.contract.conId }));
on(EventName.tickPrice, (reqId, tickType, price) => ({ reqId, tickType, price }));
on(EventName.tickSize, (reqId, tickType, size) => ({ reqId, tickType, size }));
on(EventName.tickOptionComputation, (reqId, field, attrib, iv, delta, optPrice) => ({ reqId, field, iv, delta, optPrice }));
on(EventName.tickReqParams, (reqId) => ({ reqId }));
on(EventName.marketDataType, (reqId, type) => ({ reqId, type }));
on(EventName.position, (account, contract, pos) => ({ account, conId: contract.conId, pos }));
on(EventName.positionEnd, () => ({}));
on(EventName.orderStatus, (id, status, filled) => ({ id, status, filled }));
on(EventName.openOrder, (id, contract, order, state) => ({ id, orderRef: order.orderRef, status: state.status, legs: (contract.comboLegs || []).length }));
on(EventName.execDetails, (reqId, contract, exec) => ({ orderId: exec.orderId, execId: exec.execId, orderRef: exec.orderRef }));
on(EventName.commissionReport, (report) => ({ execId: report.execId, commission: report.commission }));
on(EventName.managedAccounts, (accounts) => ({ accounts }));
on(EventName.completedOrder, (contract, order, state) => ({ orderRef: order.orderRef, status: state.status, legs: (contract.comboLegs || []).length }));
on(EventName.completedOrdersEnd, () => ({}));
ib.on(EventName.error, (err, code, reqId) => {
  const text = String(err && err.message ? err.message : err);
  if (/Decoding error|Underrun error|No parser implementation|unprocessed data/.test(text)) {
    summary.decodeProblems.push(text);
  } else if (code < 2100 || code > 2200) {
    summary.serverErrors.push({ code, reqId, text });
  }
});

function option(strike, right) {
  return { symbol: 'SPY', secType: 'OPT', lastTradeDateOrContractMonth: '20261218', strike, right,
    multiplier: 100, exchange: 'SMART', currency: 'USD' };
}

async function details(reqId, contract) {
  const pending = wait('contract details ' + reqId, (e) => e.name === EventName.contractDetails && e.reqId === reqId);
  ib.reqContractDetails(reqId, contract);
  return (await pending).conId;
}

async function main() {
  const ready = wait('nextValidId', (e) => e.name === EventName.nextValidId);
  ib.connect(7);
  let orderId = (await ready).id;
  summary.steps.push('connected');

  const callConId = await details(1, option(600, 'C'));
  const legs = [];
  for (const [i, [strike, right, action]] of [[570, 'P', 'BUY'], [580, 'P', 'SELL'], [620, 'C', 'SELL'], [630, 'C', 'BUY']].entries()) {
    legs.push({ conId: await details(2 + i, option(strike, right)), ratio: 1, action, exchange: 'SMART' });
  }
  summary.steps.push('contract details');

  const ask = wait('ask', (e) => e.name === EventName.tickPrice && e.reqId === 10 && e.tickType === 2);
  const model = wait('model tick', (e) => e.name === EventName.tickOptionComputation && e.reqId === 10 && e.field === 13);
  ib.reqMktData(10, { conId: callConId, exchange: 'SMART' }, '', false, false);
  const askPrice = (await ask).price;
  const modelTick = await model;
  if (!(modelTick.delta > 0 && modelTick.delta < 1 && modelTick.iv > 0)) {
    throw new Error('implausible model tick ' + JSON.stringify(modelTick));
  }
  await new Promise((r) => setTimeout(r, 1500)); // let the stream run
  summary.steps.push('quotes and model ticks');

  const positionsEnd = wait('positionEnd', (e) => e.name === EventName.positionEnd);
  ib.reqPositions();
  await positionsEnd;
  summary.steps.push('positions');

  const single = orderId++;
  const singleFilled = wait('single fill', (e) => e.name === EventName.orderStatus && e.id === single && e.status === 'Filled');
  const singleExec = wait('single execution', (e) => e.name === EventName.execDetails && e.orderId === single);
  ib.placeOrder(single, { conId: callConId, symbol: 'SPY', secType: 'OPT', exchange: 'SMART', currency: 'USD' },
    { action: 'BUY', orderType: 'LMT', lmtPrice: Math.round((askPrice + 0.2) * 100) / 100, totalQuantity: 1,
      tif: 'DAY', orderRef: 'stoqey-single', transmit: true });
  await singleFilled;
  const exec = await singleExec;
  if (exec.orderRef !== 'stoqey-single') throw new Error('orderRef lost: ' + exec.orderRef);
  await wait('commission', (e) => e.name === EventName.commissionReport && e.execId === exec.execId);
  summary.steps.push('single-option fill');

  const combo = orderId++;
  const comboFilled = wait('combo fill', (e) => e.name === EventName.orderStatus && e.id === combo && e.status === 'Filled');
  ib.placeOrder(combo, { symbol: 'SPY', secType: 'BAG', exchange: 'SMART', currency: 'USD', comboLegs: legs },
    { action: 'BUY', orderType: 'LMT', lmtPrice: 1.0, totalQuantity: 1, tif: 'DAY', orderRef: 'stoqey-condor', transmit: true });
  await comboFilled;
  const comboOpen = await wait('combo openOrder', (e) => e.name === EventName.openOrder && e.id === combo);
  if (comboOpen.orderRef !== 'stoqey-condor' || comboOpen.legs !== 4) {
    throw new Error('openOrder of the combo: ' + JSON.stringify(comboOpen));
  }
  await new Promise((r) => setTimeout(r, 500));
  summary.steps.push('four-leg combo fill');

  const ends = history.filter((e) => e.name === EventName.positionEnd).length;
  const after = wait('positionEnd after fills', (e) => e.name === EventName.positionEnd && history.filter((h) => h.name === EventName.positionEnd).length > ends);
  ib.reqPositions();
  await after;
  summary.positions = summary.events[EventName.position] || 0;

  const completedEnd = wait('completedOrdersEnd', (e) => e.name === EventName.completedOrdersEnd);
  ib.reqCompletedOrders(false);
  await completedEnd;
  const refs = history.filter((e) => e.name === EventName.completedOrder).map((e) => e.orderRef + ':' + e.status).sort();
  if (JSON.stringify(refs) !== JSON.stringify(['stoqey-condor:Filled', 'stoqey-single:Filled'])) {
    throw new Error('completed orders: ' + JSON.stringify(refs));
  }
  summary.steps.push('completed orders');
}

main()
  .then(() => {
    ib.disconnect();
    const ok = summary.decodeProblems.length === 0 && summary.serverErrors.length === 0;
    console.log(JSON.stringify(Object.assign({ ok }, summary)));
    process.exit(ok ? 0 : 1);
  })
  .catch((e) => {
    console.log(JSON.stringify(Object.assign({ ok: false, failure: e.message }, summary)));
    process.exit(1);
  });
