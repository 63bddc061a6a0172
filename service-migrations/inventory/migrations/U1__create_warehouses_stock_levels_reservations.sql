DROP VIEW IF EXISTS inventory_service.v_stock_availability;
DROP TABLE IF EXISTS inventory_service.stock_reservations;
DROP TABLE IF EXISTS inventory_service.stock_levels;
DROP TABLE IF EXISTS inventory_service.warehouses;
