package vn.hoadon;

/** The fields a document gives without a second parse (hoadon_field): invoice fields through
 *  {@link Document#invoiceField}, document fields (MESSAGE_*, FORM_*) through {@link Document#field}. */
public enum Field {
  VERSION(1), TITLE(2), TEMPLATE(3), SERIES(4), NUMBER(5), ISSUE_DATE(6), CURRENCY(7), EXCHANGE_RATE(8),
  PAYMENT_METHOD(9), SELLER_NAME(10), SELLER_TAX_CODE(11), BUYER_NAME(12), BUYER_TAX_CODE(13),
  TOTAL_BEFORE_TAX(14), TOTAL_TAX(15), TOTAL(16), TOTAL_IN_WORDS(17), TAX_AUTHORITY_CODE(18), DATA_ID(19),
  LINE_COUNT(20),
  MESSAGE_VERSION(100), MESSAGE_TYPE(101), MESSAGE_ID(102), MESSAGE_REF(103), SENDER(104), RECEIVER(105),
  TAX_CODE(106), COUNT(107), FORM_CODE(108), FORM_VERSION(109);

  final int value;

  Field(int value) { this.value = value; }
}
