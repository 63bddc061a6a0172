-- Migration: normalize_template_locales_to_bcp47
-- Description: Data migration: template locales move from POSIX style (en_US) to BCP 47 tags (en-US)

-- +++++ UP
-- V3 (data migration): template locales move from POSIX style (en_US) to BCP 47 tags (en-US),
-- the form the storefront sends; the default follows and a format check is added.

UPDATE notification_service.notification_templates
   SET locale = replace(locale, '_', '-')
 WHERE locale LIKE '%\_%';

ALTER TABLE notification_service.notification_templates ALTER COLUMN locale SET DEFAULT 'en-US';
ALTER TABLE notification_service.notification_templates
    ADD CONSTRAINT chk_notification_templates_locale CHECK (locale ~ '^[a-z]{2,3}(-[A-Z]{2})?$');
COMMENT ON COLUMN notification_service.notification_templates.locale IS 'BCP 47 language tag, e.g. en-US or de.';

-- +++++ DOWN
-- Back to POSIX style locales (en-US -> en_US); the format check guarantees every value converts.
COMMENT ON COLUMN notification_service.notification_templates.locale IS NULL;
ALTER TABLE notification_service.notification_templates DROP CONSTRAINT IF EXISTS chk_notification_templates_locale;
ALTER TABLE notification_service.notification_templates ALTER COLUMN locale SET DEFAULT 'en_US';

UPDATE notification_service.notification_templates
   SET locale = replace(locale, '-', '_')
 WHERE locale LIKE '%-%';
