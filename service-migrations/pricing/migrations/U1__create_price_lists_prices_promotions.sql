DROP TABLE IF EXISTS pricing_service.promotions;
DROP TABLE IF EXISTS pricing_service.prices;
DROP TABLE IF EXISTS pricing_service.price_lists;
