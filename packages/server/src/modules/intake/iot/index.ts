// IoT channel family: device alarms over MQTT and HTTP → tickets linked to assets (docs/channels/iot.md).
export { iotPlugin } from './iot-plugin';
export { SEVERITIES, parseTopic } from './iot-rules';
