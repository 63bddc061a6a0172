DROP TABLE IF EXISTS payment_service.refunds;
DROP TABLE IF EXISTS payment_service.payment_transactions;
DROP TABLE IF EXISTS payment_service.payments;
DROP TYPE IF EXISTS payment_service.payment_status;
