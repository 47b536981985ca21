package dev.thetaflow.ib.codec;

import java.util.List;

/**
 * contractDetails (10), the layout of versions 164..181 (no version field). Only the fields an
 * options client uses are typed; the rest stay text.
 *
 * @param reqId the reqContractDetails id
 * @param contract the contract; {@code lastTradeDateOrContractMonth} is kept as sent and may be
 *     {@code date time tz} separated by spaces
 * @param marketName market name
 * @param minTick minimum price increment
 * @param orderTypes comma-separated order types
 * @param validExchanges comma-separated exchanges
 * @param priceMagnifier price magnifier
 * @param underConId the underlying's contract id
 * @param longName long name, {@code \}{@code uXXXX} escapes undone
 * @param contractMonth contract month
 * @param industry industry
 * @param category category
 * @param subcategory subcategory
 * @param timeZoneId time zone of the trading hours
 * @param tradingHours trading hours as sent
 * @param liquidHours liquid hours as sent
 * @param evRule economic value rule
 * @param evMultiplier economic value multiplier or {@link TwsValues#UNSET_DOUBLE}
 * @param secIdList security ids (ISIN, CUSIP…)
 * @param aggGroup aggregation group or {@link TwsValues#UNSET_INT}
 * @param underSymbol underlying symbol
 * @param underSecType underlying security type
 * @param marketRuleIds comma-separated market rule ids, one per valid exchange
 * @param realExpirationDate real expiration date
 * @param stockType stock type
 * @param minSize minimum order size (decimal)
 * @param sizeIncrement size increment (decimal)
 * @param suggestedSizeIncrement suggested size increment (decimal)
 */
public record ContractDetails(
    int reqId,
    TwsContract contract,
    String marketName,
    double minTick,
    String orderTypes,
    String validExchanges,
    int priceMagnifier,
    int underConId,
    String longName,
    String contractMonth,
    String industry,
    String category,
    String subcategory,
    String timeZoneId,
    String tradingHours,
    String liquidHours,
    String evRule,
    double evMultiplier,
    List<TagValue> secIdList,
    int aggGroup,
    String underSymbol,
    String underSecType,
    String marketRuleIds,
    String realExpirationDate,
    String stockType,
    double minSize,
    double sizeIncrement,
    double suggestedSizeIncrement)
    implements IncomingMessage {
  /** Copies the security-id list. */
  public ContractDetails {
    secIdList = List.copyOf(secIdList);
  }
}
