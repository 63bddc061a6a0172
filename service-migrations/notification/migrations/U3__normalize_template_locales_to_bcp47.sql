-- Back to POSIX style locales (en-US -> en_US); the format check guarantees every value converts.
COMMENT ON COLUMN notification_service.notification_templates.locale IS NULL;
ALTER TABLE notification_service.notification_templates DROP CONSTRAINT IF EXISTS chk_notification_templates_locale;
ALTER TABLE notification_service.notification_templates ALTER COLUMN locale SET DEFAULT 'en_US';

UPDATE notification_service.notification_templates
   SET locale = replace(locale, '-', '_')
 WHERE locale LIKE '%-%';
