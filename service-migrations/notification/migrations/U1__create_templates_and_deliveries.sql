DROP TABLE IF EXISTS notification_service.notification_deliveries;
DROP TABLE IF EXISTS notification_service.notification_templates;
DROP TYPE IF EXISTS notification_service.notification_channel;
