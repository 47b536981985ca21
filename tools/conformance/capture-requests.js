'use strict';
// Sends a fixed list of requests through @stoqey/ib 1.6.10 to a capturing server on
// 127.0.0.1:<port>, after a reqCurrentTime marker, then exits. The Java side
// (StoqeyLiveConformanceTest) sends the same list through thetaflow's encoders and compares.
const { IBApi, EventName } = require('@stoqey/ib');

const port = Number(process.argv[2]);
const ib = new IBApi({ host: '127.0.0.1', port });

const call = { symbol: 'SPY', secType: 'OPT', lastTradeDateOrContractMonth: '20261218', strike: 450,
  right: 'C', multiplier: 100, exchange: 'SMART', currency: 'USD', tradingClass: 'SPY' };
const condor = { symbol: 'SPY', secType: 'BAG', exchange: 'SMART', currency: 'USD', comboLegs: [
  { conId: 700000001, ratio: 1, action: 'BUY', exchange: 'SMART' },
  { conId: 700000002, ratio: 1, action: 'SELL', exchange: 'SMART' },
  { conId: 700000003, ratio: 1, action: 'SELL', exchange: 'SMART' },
  { conId: 700000004, ratio: 1, action: 'BUY', exchange: 'SMART' }] };
const order = (o) => Object.assign({ totalQuantity: 1, tif: 'DAY', transmit: true }, o);

ib.on(EventName.nextValidId, () => {
  ib.reqCurrentTime(); // marker: everything after it is compared
  ib.reqMktData(5001, call, '100,101,106', false, false);
  ib.reqMktData(5002, condor, '', false, false);
  ib.reqMktData(5003, call, '', true, false);
  ib.reqMarketDataType(3);
  ib.reqContractDetails(9003, call);
  ib.reqSecDefOptParams(9004, 'SPY', '', 'STK', 756733);
  ib.reqPositions();
  ib.cancelPositions();
  ib.reqAccountUpdates(true, 'DU1234567');
  ib.reqAccountSummary(9005, 'All', 'NetLiquidation,BuyingPower');
  ib.cancelAccountSummary(9005);
  ib.reqExecutions(9002, {});
  ib.reqOpenOrders();
  ib.reqAllOpenOrders();
  ib.reqAutoOpenOrders(true);
  ib.reqCompletedOrders(false);
  ib.reqIds(1);
  ib.placeOrder(1000, condor, order({ action: 'BUY', orderType: 'LMT', lmtPrice: -1.25, orderRef: 'ic-test-001' }));
  ib.placeOrder(1001, call, order({ action: 'BUY', orderType: 'LMT', lmtPrice: 5.1, orderRef: 'single-lmt' }));
  ib.placeOrder(1002, call, order({ action: 'SELL', orderType: 'MKT' }));
  ib.placeOrder(1003, call, order({ action: 'SELL', orderType: 'STP', auxPrice: 4.0, tif: 'GTC', outsideRth: true }));
  ib.placeOrder(1004, call, order({ action: 'SELL', orderType: 'TRAIL', auxPrice: 0.5, trailStopPrice: 4.6 }));
  ib.placeOrder(1005, call, order({ action: 'SELL', orderType: 'TRAIL', trailingPercent: 10.0 }));
  ib.placeOrder(1001, call, order({ action: 'BUY', orderType: 'LMT', lmtPrice: 5.2, orderRef: 'single-lmt' }));
  ib.cancelOrder(1001);
  ib.reqCurrentTime(); // end marker
  // stoqey paces its own sends (about 40/s): give the queue time to drain before leaving
  setTimeout(() => { ib.disconnect(); process.exit(0); }, 3000);
});
ib.connect(0);
setTimeout(() => { console.error('no nextValidId from the capture server'); process.exit(2); }, 10000);
