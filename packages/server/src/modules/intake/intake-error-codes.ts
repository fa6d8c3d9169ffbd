// What can go wrong with a channel message, coming in (stored on a quarantined or retried inbound
// message) or going out (a reply's failed or retried delivery, on the ticket). Every code is listed
// once here and the console has words for each (packages/web/src/i18n/intake.*.ts, checked by its
// error-codes test): a code added here without them fails that test. No imports: the console's test reads it.
export const INTAKE_ERROR_CODES = [
  // a stored message that cannot be read
  'MALFORMED',
  'MALFORMED_JSON',
  'MALFORMED_XML',
  'MALFORMED_MAIL',
  'INVALID_TEXT',
  'NO_ADAPTER',
  'PROCESSING_FAILED',
  // a channel's settings or the platform's answer
  'CHANNEL_NOT_CONFIGURED',
  'CHANNEL_MISSING',
  'CREDENTIALS_INVALID',
  // a reply that cannot be delivered
  'NO_CONVERSATION',
  'RECIPIENT_INVALID',
  'RELAY_NOT_CONFIGURED',
  'NO_FROM_ADDRESS',
  'RELAY_REJECTED',
  'WECHAT_WINDOW_CLOSED',
  'WECHAT_API_UNAUTHORIZED',
  'WECOM_SEND_REFUSED',
  'DINGTALK_SEND_REFUSED',
  'FEISHU_SEND_REFUSED',
  'DELIVERY_ATTEMPT_FAILED',
  // a device's alarm (MQTT or HTTP) refused by the contract
  'IOT_BAD_SERIAL',
  'IOT_PAYLOAD_TOO_LARGE',
  'IOT_INVALID_TEXT',
  'IOT_MALFORMED_JSON',
  'IOT_BAD_TS',
  'IOT_UNKNOWN_FIELD',
  'IOT_MISSING_CODE',
  'IOT_BAD_SEVERITY',
  'IOT_BAD_PAYLOAD',
  'IOT_BAD_CREDENTIALS',
  'IOT_UNAVAILABLE',
  'IOT_TOPIC_REFUSED',
] as const;
export type IntakeErrorCode = (typeof INTAKE_ERROR_CODES)[number];
